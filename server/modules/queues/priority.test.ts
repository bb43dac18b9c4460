import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, auditEvents, organizations } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { systemContext } from "@/server/lib/context";
import { ForbiddenError, ValidationError } from "@/server/lib/errors";
import { addDays, bucketOf, daysPastDue } from "@/server/modules/accounts/aging";
import { getQueueWeights } from "@/server/modules/settings/get-queue-weights";
import { setQueueWeights } from "@/server/modules/settings/set-queue-weights";
import { DEFAULT_QUEUE_WEIGHTS } from "@/server/modules/settings/settings.schemas";
import { AGING_SCORES, balanceScore, priorityOf } from "./priority";
import { recomputePriorities } from "./recompute-priorities";
import { queueAccount } from "./test-fixtures";

const TODAY = "2026-11-24";

describe("priority formula", () => {
  it("scores balance one point per $100 up to $10,000, and aging by bucket", () => {
    expect(balanceScore(0)).toBe(0);
    expect(balanceScore(-5_000)).toBe(0);
    expect(balanceScore(9_999)).toBe(0);
    expect(balanceScore(10_000)).toBe(1);
    expect(balanceScore(123_456)).toBe(12);
    expect(balanceScore(1_000_000)).toBe(100);
    expect(balanceScore(50_000_000)).toBe(100);
    expect(AGING_SCORES).toEqual({
      current: 0,
      "1-30": 17,
      "31-60": 33,
      "61-90": 50,
      "91-120": 67,
      "121-180": 83,
      "180+": 100,
    });
    expect(priorityOf({ balanceMinor: 250_000, bucket: "61-90" }, { balanceWeight: 6, agingWeight: 4 })).toBe(
      6 * 25 + 4 * 50,
    );
    expect(priorityOf({ balanceMinor: 99_999_999, bucket: "180+" }, DEFAULT_QUEUE_WEIGHTS)).toBe(1_000);
  });
});

describe.each(testDrivers())("priority recompute and weights (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  const specs = [
    // ref, balance, days past due
    ["BIG-NEW", 900_000, 5],
    ["SMALL-OLD", 20_000, 200],
    ["MID-MID", 300_000, 75],
    ["ZERO-CURRENT", 0, null],
    ["HUGE-CURRENT", 5_000_000, null],
  ] as const;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "prio");
    other = await createOrg(handle.db, "prio-other");
    for (const [ref, balance, dpd] of specs) {
      await queueAccount(handle.db, org, {
        ref,
        principalMinor: balance,
        dueOn: dpd === null ? null : addDays(TODAY, -dpd),
        priority: 0,
      });
    }
    await queueAccount(handle.db, other, { ref: "OTHER", principalMinor: 900_000, priority: 7 });
  });
  afterAll(() => handle.close());

  const priorities = async (orgId = org.orgId) =>
    Object.fromEntries(
      (
        await handle.db
          .select({ ref: accounts.externalRef, priority: accounts.priority })
          .from(accounts)
          .where(eq(accounts.orgId, orgId))
      ).map((r) => [r.ref, r.priority]),
    );
  const order = async () =>
    (
      await handle.db
        .select({ ref: accounts.externalRef })
        .from(accounts)
        .where(eq(accounts.orgId, org.orgId))
        .orderBy(desc(accounts.priority), asc(accounts.id))
    ).map((r) => r.ref);
  const expectedWith = (weights: { balanceWeight: number; agingWeight: number }) =>
    Object.fromEntries(
      specs.map(([ref, balance, dpd]) => [
        ref,
        priorityOf(
          { balanceMinor: balance, bucket: bucketOf(daysPastDue(dpd === null ? null : addDays(TODAY, -dpd), TODAY)) },
          weights,
        ),
      ]),
    );

  it("computes the formula in SQL with the default weights, touching only rows that change", async () => {
    const system = systemContext(handle.db, org.orgId, "nightly", () => new Date(`${TODAY}T15:00:00Z`));
    const first = await recomputePriorities({ ctx: system });
    expect(await priorities()).toEqual(expectedWith(DEFAULT_QUEUE_WEIGHTS));
    // ZERO-CURRENT scores 0, which it already had: four rows changed, not five.
    expect(first.updated).toBe(4);
    expect((await recomputePriorities({ ctx: system })).updated).toBe(0);
    expect(await priorities(other.orgId)).toEqual({ OTHER: 7 }); // another organization is untouched
    const [versions] = await handle.db
      .select({ version: accounts.version })
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "BIG-NEW")));
    expect(versions!.version).toBe(1); // derived data: no version bump
  });

  it("reorders the queue when an admin changes the weights, and audits the change", async () => {
    // 6×90+4×17=608, 6×100=600, 6×2+4×100=412, 6×30+4×50=380, 0
    expect(await order()).toEqual(["BIG-NEW", "HUGE-CURRENT", "SMALL-OLD", "MID-MID", "ZERO-CURRENT"]);
    const admin = staffContext(handle.db, org, "admin");
    const result = await setQueueWeights({ ctx: admin, input: { balanceWeight: 0, agingWeight: 10 } });
    expect(result).toMatchObject({ changed: true, weights: { balanceWeight: 0, agingWeight: 10 } });
    expect(await priorities()).toEqual(expectedWith({ balanceWeight: 0, agingWeight: 10 }));
    // HUGE-CURRENT and ZERO-CURRENT both score 0 now; ZERO-CURRENT did already.
    expect(result.updated).toBe(4);
    expect((await order()).slice(0, 3)).toEqual(["SMALL-OLD", "MID-MID", "BIG-NEW"]);
    expect(await getQueueWeights({ ctx: staffContext(handle.db, org, "agent") })).toEqual({
      weights: { balanceWeight: 0, agingWeight: 10 },
      isDefault: false,
    });

    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "settings.queue_weights_changed")));
    expect(event).toMatchObject({
      entityType: "organization",
      entityId: org.orgId,
      before: DEFAULT_QUEUE_WEIGHTS,
      after: { balanceWeight: 0, agingWeight: 10 },
    });
    // Saving the same weights again changes nothing and writes nothing.
    expect(await setQueueWeights({ ctx: admin, input: { balanceWeight: 0, agingWeight: 10 } })).toMatchObject({
      changed: false,
      updated: 0,
    });
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "settings.queue_weights_changed")));
    expect(events).toHaveLength(1);
  });

  it("keeps other settings keys, and falls back to defaults for a stored value that no longer validates", async () => {
    await handle.db
      .update(organizations)
      .set({ settings: { somethingElse: { keep: true }, queuePriority: { balanceWeight: "lots" } } })
      .where(eq(organizations.id, other.orgId));
    const otherAdmin = staffContext(handle.db, other, "admin");
    expect(await getQueueWeights({ ctx: otherAdmin })).toEqual({ weights: DEFAULT_QUEUE_WEIGHTS, isDefault: true });
    await setQueueWeights({ ctx: otherAdmin, input: { balanceWeight: 3, agingWeight: 1 } });
    const [row] = await handle.db.select().from(organizations).where(eq(organizations.id, other.orgId));
    expect(row!.settings).toEqual({
      somethingElse: { keep: true },
      queuePriority: { balanceWeight: 3, agingWeight: 1 },
    });
  });

  it("refuses weights out of range and non-admins", async () => {
    const admin = staffContext(handle.db, org, "admin");
    await expect(setQueueWeights({ ctx: admin, input: { balanceWeight: 0, agingWeight: 0 } })).rejects.toThrow(
      /At least one weight must be above zero/,
    );
    await expect(setQueueWeights({ ctx: admin, input: { balanceWeight: 101, agingWeight: 1 } })).rejects.toThrow(
      /balance weight is at most 100/,
    );
    await expect(setQueueWeights({ ctx: admin, input: { balanceWeight: 1.5, agingWeight: 1 } })).rejects.toThrow(
      ValidationError,
    );
    for (const role of ["manager", "agent", "auditor"] as const) {
      await expect(
        setQueueWeights({ ctx: staffContext(handle.db, org, role), input: { balanceWeight: 1, agingWeight: 1 } }),
      ).rejects.toThrow(ForbiddenError);
      await expect(recomputePriorities({ ctx: staffContext(handle.db, org, role) })).rejects.toThrow(ForbiddenError);
    }
  });
});
