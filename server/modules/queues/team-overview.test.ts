import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { tasks, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ForbiddenError } from "@/server/lib/errors";
import { getTeamOverview } from "./team-overview";
import { addCallback, addHold, addInteraction, queueAccount } from "./test-fixtures";

// FIXED_NOW 2026-11-24T15:00Z. The agent works in New York (day began 05:00Z), Beth in Tokyo (day began 15:00Z).
describe.each(testDrivers())("team overview (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let beth: string;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const db = handle.db;
    org = await createOrg(db, "team");
    const other = await createOrg(db, "team-other");
    const [b] = await db
      .insert(users)
      .values({
        orgId: org.orgId,
        email: "beth@team.test",
        name: "Beth",
        role: "agent",
        passwordHash: "x",
        timeZone: "Asia/Tokyo",
      })
      .returning();
    beth = b!.id;
    await db.insert(users).values({
      orgId: org.orgId,
      email: "gone@team.test",
      name: "Gone",
      role: "agent",
      passwordHash: "x",
      active: false,
    });
    const me = org.users.agent.id;

    const due1 = await queueAccount(db, org, { assigneeId: me, principalMinor: 10_000 });
    await queueAccount(db, org, {
      assigneeId: me,
      principalMinor: 20_000,
      lastContactAt: new Date("2026-11-24T04:00:00Z"),
    });
    const contacted = await queueAccount(db, org, {
      assigneeId: me,
      principalMinor: 30_000,
      lastContactAt: new Date("2026-11-24T06:00:00Z"),
    });
    const held = await queueAccount(db, org, { assigneeId: me, principalMinor: 40_000 });
    await addHold(db, org, held, "attorney", { debtorWide: true });
    await queueAccount(db, org, { assigneeId: me, principalMinor: 50_000, status: "paid" });
    const cb = await queueAccount(db, org, {
      assigneeId: me,
      principalMinor: 1_000,
      lastContactAt: new Date("2026-11-24T07:00:00Z"),
    });
    await addCallback(db, org, cb, new Date("2026-11-24T14:00:00Z"), me);
    // Beth: contacted at 06:00Z, which is 15:00 the previous day in Tokyo, so still due for her.
    await queueAccount(db, org, {
      assigneeId: beth,
      principalMinor: 5_000,
      lastContactAt: new Date("2026-11-24T06:00:00Z"),
    });
    // The manager holds one account, so appears; the admin holds none and does not.
    await queueAccount(db, org, { assigneeId: org.users.manager.id, principalMinor: 7_000 });
    await queueAccount(db, org, { principalMinor: 3_000 });
    await queueAccount(db, org, { principalMinor: 4_000 });
    await queueAccount(db, other, { principalMinor: 999_000 });

    // Work done: interactions in the agent's day (one before it began), a task completed today.
    await addInteraction(db, org, contacted, me, new Date("2026-11-24T06:00:00Z"));
    await addInteraction(db, org, cb, me, new Date("2026-11-24T07:00:00Z"));
    await addInteraction(db, org, due1, me, new Date("2026-11-24T04:59:00Z"));
    await addInteraction(db, org, contacted, beth, new Date("2026-11-24T14:59:00Z")); // yesterday in Tokyo
    const [done] = await db
      .insert(tasks)
      .values({
        orgId: org.orgId,
        accountId: due1.id,
        kind: "follow_up",
        title: "Follow up",
        dueAt: new Date("2026-11-24T10:00:00Z"),
        assigneeId: me,
        status: "done",
        completedAt: new Date("2026-11-24T12:00:00Z"),
        completedById: me,
      })
      .returning();
    expect(done).toBeDefined();
  });
  afterAll(() => handle.close());

  it("shows per person the accounts, queue size, callbacks and work done in their own day", async () => {
    const team = await getTeamOverview({ ctx: staffContext(handle.db, org, "manager") });
    const byName = Object.fromEntries(team.members.map((m) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual(["Agent team", "Beth", "Manager team"]);
    expect(byName["Agent team"]).toMatchObject({
      assigned: 6,
      balances: [{ currency: "USD", minor: 151_000 }],
      // due1 and the one contacted yesterday in New York, plus the callback due.
      dueForWork: 3,
      callbacksDue: 1,
      interactionsToday: 2,
      tasksDoneToday: 1,
      assignable: true,
    });
    expect(byName.Beth).toMatchObject({ assigned: 1, dueForWork: 1, callbacksDue: 0, interactionsToday: 0 });
    expect(byName["Manager team"]).toMatchObject({ role: "manager", assigned: 1, dueForWork: 1 });
    expect(team.unassigned).toEqual({ count: 2, balances: [{ currency: "USD", minor: 7_000 }] });
  });

  it("includes a deactivated person who still holds accounts, so they can be reassigned", async () => {
    const [gone] = await handle.db.select().from(users).where(eq(users.email, "gone@team.test"));
    await queueAccount(handle.db, org, { assigneeId: gone!.id });
    const team = await getTeamOverview({ ctx: staffContext(handle.db, org, "auditor") });
    expect(team.members.find((m) => m.name === "Gone")).toMatchObject({
      active: false,
      assignable: false,
      assigned: 1,
    });
  });

  it("is not for agents", async () => {
    await expect(getTeamOverview({ ctx: staffContext(handle.db, org, "agent") })).rejects.toThrow(ForbiddenError);
  });
});
