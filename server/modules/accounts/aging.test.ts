import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGING_BUCKETS, addDays, bucketOf, daysPastDue, dueOnRangeFor, type AgingBucket } from "./aging";

describe("aging", () => {
  it("counts calendar days from the oldest unpaid due date, across DST and leap days", () => {
    expect(daysPastDue("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysPastDue("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysPastDue("2026-11-25", "2026-11-24")).toBe(0);
    expect(daysPastDue(null, "2026-11-24")).toBe(0);
  });

  it("puts the band edges in the right buckets", () => {
    const cases: [number, AgingBucket][] = [
      [0, "current"],
      [1, "1-30"],
      [30, "1-30"],
      [31, "31-60"],
      [60, "31-60"],
      [61, "61-90"],
      [90, "61-90"],
      [91, "91-120"],
      [120, "91-120"],
      [121, "121-180"],
      [180, "121-180"],
      [181, "180+"],
      [5000, "180+"],
    ];
    for (const [dpd, bucket] of cases) expect(bucketOf(dpd), `dpd ${dpd}`).toBe(bucket);
  });

  it("the SQL due-date range of a bucket holds exactly the due dates whose DPD falls in it", () => {
    const keys = AGING_BUCKETS.map((b) => b.key);
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 3000 }), fc.constantFrom(...keys), (offset, bucket) => {
        const today = "2026-11-24";
        const dueOn = addDays(today, -offset);
        const r = dueOnRangeFor(bucket, today);
        const inRange =
          (r.onOrAfter === null || dueOn >= r.onOrAfter) && (r.onOrBefore === null || dueOn <= r.onOrBefore);
        expect(inRange).toBe(bucketOf(daysPastDue(dueOn, today)) === bucket);
      }),
    );
  });
});
