import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, contactPoints, holds, promises, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { NotFoundError } from "@/server/lib/errors";
import { createTask } from "@/server/modules/tasks/create-task";
import { getAccount } from "./get-account";

describe.each(testDrivers())("account workspace header (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "ws");
    other = await createOrg(handle.db, "ws-other");
  });
  afterAll(() => handle.close());

  it("shows active holds on the account and on its debtor, candidate zones, open tasks and the promise", async () => {
    const account = await createAccount(handle.db, org, { ref: "WS-H", assigneeId: null });
    const sibling = await createAccount(handle.db, org, { ref: "WS-SIB" });
    await handle.db.update(accounts).set({ debtorId: account.debtorId }).where(eq(accounts.id, sibling.id));
    const stranger = await createAccount(handle.db, org, { ref: "WS-STR" });
    const hold = (values: Partial<typeof holds.$inferInsert>) =>
      handle.db.insert(holds).values({
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "dispute",
        reason: "r",
        placedAt: FIXED_NOW,
        ...values,
      });
    await hold({ accountId: account.id, kind: "dispute" });
    await hold({ accountId: null, kind: "cease" }); // the debtor: every account
    await hold({ accountId: sibling.id, kind: "bankruptcy" }); // another debt only
    await hold({ accountId: account.id, kind: "manual", releasedAt: FIXED_NOW }); // released
    await hold({ debtorId: stranger.debtorId, accountId: null, kind: "deceased" }); // another person

    // Contact points disagree about the zone; an invalid number's zone is not evidence.
    await handle.db.insert(contactPoints).values([
      {
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "phone",
        value: "+13125550100",
        timeZone: "America/Chicago",
      },
      {
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "phone",
        value: "+12125550100",
        timeZone: "America/New_York",
        validity: "invalid",
      },
      // A malformed zone from an import is ignored, not a crash.
      { orgId: org.orgId, debtorId: account.debtorId, kind: "email", value: "d@x.test", timeZone: "Mars/Olympus" },
    ]);
    await handle.db.update(users).set({ timeZone: "Europe/Dublin" }).where(eq(users.id, org.users.agent.id));
    await createTask({
      ctx: staffContext(handle.db, org, "agent"),
      input: { accountId: account.id, kind: "callback", title: "Ring back", due: { kind: "instant", at: FIXED_NOW } },
    });
    await handle.db.insert(promises).values({
      orgId: org.orgId,
      accountId: account.id,
      amountMinor: 500,
      currency: "USD",
      dueOn: "2026-11-20",
      createdAt: new Date("2026-11-10T12:00:00Z"),
    });

    const detail = await getAccount({ ctx: staffContext(handle.db, org, "agent"), input: { accountId: account.id } });
    expect(detail.holds.map((h) => [h.kind, h.scope]).sort()).toEqual([
      ["cease", "debtor"],
      ["dispute", "account"],
    ]);
    expect(detail.debtorTimeZones).toEqual(["America/Chicago", "America/Phoenix"]);
    expect(detail.viewerTimeZone).toBe("Europe/Dublin");
    expect(detail.openTasks).toHaveLength(1);
    expect(detail.openTasks[0]).toMatchObject({ title: "Ring back", assigneeName: "Agent ws", overdue: false });
    expect(detail.promise).toMatchObject({ amountMinor: 500, status: "pending", effectiveStatus: "broken" });
    expect(detail.otherAccounts.map((o) => o.externalRef)).toEqual(["WS-SIB"]);

    const siblingDetail = await getAccount({
      ctx: staffContext(handle.db, org, "auditor"),
      input: { accountId: sibling.id },
    });
    expect(siblingDetail.holds.map((h) => h.kind).sort()).toEqual(["bankruptcy", "cease"]);
    expect(siblingDetail.viewerTimeZone).toBe("America/New_York"); // the auditor's default zone
    expect(siblingDetail.promise).toBeNull();

    await expect(
      getAccount({ ctx: staffContext(handle.db, other, "admin"), input: { accountId: account.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
