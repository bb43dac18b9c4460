import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, auditEvents, promises } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError } from "@/server/lib/errors";
import { cancelPromise } from "./cancel-promise";
import { createPromise } from "./create-promise";
import { effectivePromiseStatus } from "./promise-status";

describe("effective promise status", () => {
  it("counts a pending promise past its due date as broken, and nothing else", () => {
    expect(effectivePromiseStatus("pending", "2026-11-23", "2026-11-24")).toBe("broken");
    expect(effectivePromiseStatus("pending", "2026-11-24", "2026-11-24")).toBe("pending");
    expect(effectivePromiseStatus("kept", "2026-11-01", "2026-11-24")).toBe("kept");
    expect(effectivePromiseStatus("cancelled", "2026-11-01", "2026-11-24")).toBe("cancelled");
  });
});

describe.each(testDrivers())("promises (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  const agent = () => staffContext(handle.db, org, "agent");
  const fresh = async (id: string) => (await handle.db.select().from(accounts).where(eq(accounts.id, id)))[0]!;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "prom");
    other = await createOrg(handle.db, "prom-other");
  });
  afterAll(() => handle.close());

  it("keeps the account in step with the latest promise: one pending at most", async () => {
    const account = await createAccount(handle.db, org, { principalMinor: 40_000 });
    const first = await createPromise({
      ctx: agent(),
      input: { accountId: account.id, amountMinor: 10_000, dueOn: "2026-12-01", expectedVersion: 1 },
    });
    expect(await fresh(account.id)).toMatchObject({ status: "promised", promiseStatus: "pending", version: 2 });
    const second = await createPromise({
      ctx: agent(),
      input: { accountId: account.id, amountMinor: 20_000, dueOn: "2026-12-20", expectedVersion: 2 },
    });
    const rows = await handle.db.select().from(promises).where(eq(promises.accountId, account.id));
    expect(rows.find((r) => r.id === first.id)!.status).toBe("cancelled");
    expect(rows.find((r) => r.id === second.id)!.status).toBe("pending");
    expect(await fresh(account.id)).toMatchObject({ promiseDueOn: "2026-12-20", status: "promised", version: 3 });

    await expect(
      cancelPromise({ ctx: agent(), input: { promiseId: second.id, expectedVersion: 2, reason: "stale view" } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await cancelPromise({ ctx: agent(), input: { promiseId: second.id, expectedVersion: 3, reason: "Withdrawn" } });
    expect(await fresh(account.id)).toMatchObject({ status: "active", promiseStatus: "cancelled", version: 4 });
    await expect(
      cancelPromise({ ctx: agent(), input: { promiseId: second.id, expectedVersion: 4, reason: "again" } }),
    ).rejects.toThrow(/already cancelled/);
    const actions = (
      await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, account.id)).orderBy(auditEvents.seq)
    ).map((e) => e.action);
    expect(actions).toEqual(["promise.created", "promise.created", "promise.cancelled"]);
  });

  it("leaves a non-active status alone, and refuses closed accounts, strangers and auditors", async () => {
    const disputed = await createAccount(handle.db, org, { status: "disputed" });
    await createPromise({
      ctx: agent(),
      input: { accountId: disputed.id, amountMinor: 100, dueOn: "2026-12-01", expectedVersion: 1 },
    });
    expect(await fresh(disputed.id)).toMatchObject({ status: "disputed", promiseStatus: "pending" });

    const closed = await createAccount(handle.db, org, { status: "closed" });
    await expect(
      createPromise({
        ctx: agent(),
        input: { accountId: closed.id, amountMinor: 100, dueOn: "2026-12-01", expectedVersion: 1 },
      }),
    ).rejects.toBeInstanceOf(PreconditionError);
    await expect(
      createPromise({
        ctx: staffContext(handle.db, other, "admin"),
        input: { accountId: disputed.id, amountMinor: 100, dueOn: "2026-12-01", expectedVersion: 2 },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createPromise({
        ctx: staffContext(handle.db, org, "auditor"),
        input: { accountId: disputed.id, amountMinor: 100, dueOn: "2026-12-01", expectedVersion: 2 },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
