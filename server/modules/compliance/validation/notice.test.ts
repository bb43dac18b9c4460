import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, daysBetween, isExcludedDay } from "./calendar";
import {
  assumedReceiptOn,
  buildItemization,
  formatMinorAmount,
  validationDueOn,
  validationPeriodEndsOn,
  validationStatus,
  type ItemizationInput,
} from "./notice";

const plainDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("validation period (1006.34(b)(5))", () => {
  it("provided Mon 2026-03-02 → assumed receipt Mon 2026-03-09 → ends Wed 2026-04-08", () => {
    expect(assumedReceiptOn("2026-03-02")).toBe("2026-03-09");
    expect(validationPeriodEndsOn("2026-03-02")).toBe("2026-04-08");
    expect(dayOfWeek("2026-04-08")).toBe(3);
  });

  it("pushes the assumed receipt past Thanksgiving", () => {
    expect(assumedReceiptOn("2026-11-23")).toBe("2026-12-01");
    expect(validationPeriodEndsOn("2026-11-23")).toBe("2026-12-31");
  });

  it("pushes the assumed receipt past Christmas, and past an observed holiday", () => {
    expect(assumedReceiptOn("2026-12-21")).toBe("2026-12-29");
    expect(validationPeriodEndsOn("2026-12-21")).toBe("2027-01-28");
    // 2027: Christmas is a Saturday, observed Fri 24 Dec (DD-7).
    expect(assumedReceiptOn("2027-12-21")).toBe("2027-12-29");
  });

  it("keeps an end date that falls on a weekend (never moved earlier)", () => {
    // Provided Fri 2026-03-06 → assumed receipt Fri 2026-03-13 → ends Sun 2026-04-12.
    expect(validationPeriodEndsOn("2026-03-06")).toBe("2026-04-12");
    expect(dayOfWeek("2026-04-12")).toBe(7);
  });

  it("is between 35 and 41 days after providing, at least 37 when provided on a weekday (property)", () => {
    fc.assert(
      fc.property(plainDate, (d) => {
        const span = daysBetween(d, validationPeriodEndsOn(d));
        // Five business days span at least 5 calendar days (from a Sunday), at least 7 from a weekday (a weekend
        // always falls inside), and at most 11: seven weekdays (two may be holidays) and two weekends.
        expect(span).toBeGreaterThanOrEqual(dayOfWeek(d) <= 5 ? 37 : 35);
        expect(span).toBeLessThanOrEqual(30 + 11);
        expect(isExcludedDay(assumedReceiptOn(d))).toBe(false);
      }),
    );
  });

  it("is monotonic: a later notice never ends earlier (property)", () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: 0, max: 400 }), (d, n) => {
        expect(daysBetween(validationPeriodEndsOn(d), validationPeriodEndsOn(addDays(d, n)))).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("validationDueOn (1006.34(a)(1)(i)(B), 940 CMR 7.08)", () => {
  it("is five calendar days after the initial communication", () => {
    expect(validationDueOn("2026-03-02")).toBe("2026-03-07");
    expect(validationDueOn("2026-03-02", "IL")).toBe("2026-03-07");
  });

  it("is five business days in Massachusetts", () => {
    expect(validationDueOn("2026-03-02", "MA")).toBe("2026-03-09");
    expect(validationDueOn("2026-03-02", "ma")).toBe("2026-03-09");
    // Over Thanksgiving: Mon 23 Nov 2026 → Tue 1 Dec.
    expect(validationDueOn("2026-11-23", "MA")).toBe("2026-12-01");
  });
});

describe("validationStatus (VAL-01)", () => {
  it("is overdue after the fifth day without a notice", () => {
    expect(validationStatus({ initialCommunicationOn: "2026-03-02", today: "2026-03-08" })).toMatchObject({
      required: true,
      dueOn: "2026-03-07",
      overdue: true,
    });
  });

  it("is not overdue on the due date itself", () => {
    expect(validationStatus({ initialCommunicationOn: "2026-03-02", today: "2026-03-07" })).toMatchObject({
      required: true,
      dueOn: "2026-03-07",
      overdue: false,
    });
  });

  it("gives Massachusetts consumers until the fifth business day", () => {
    expect(validationStatus({ initialCommunicationOn: "2026-03-02", state: "MA", today: "2026-03-08" })).toMatchObject({
      required: true,
      dueOn: "2026-03-09",
      overdue: false,
    });
    expect(validationStatus({ initialCommunicationOn: "2026-03-02", state: "MA", today: "2026-03-10" }).overdue).toBe(
      true,
    );
  });

  it("is not required before any initial communication", () => {
    const s = validationStatus({ today: "2026-03-08" });
    expect(s).toMatchObject({ required: false, overdue: false });
    expect(s.dueOn).toBeUndefined();
    // An initial communication dated after today has not happened yet.
    expect(validationStatus({ initialCommunicationOn: "2026-03-09", today: "2026-03-08" }).required).toBe(false);
  });

  it("is not required when the first communication was a proof of claim (comment 34(b)(2)-1)", () => {
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", pleadingOnly: true, today: "2026-03-20" }),
    ).toMatchObject({
      required: false,
      overdue: false,
    });
  });

  it("is not required once the notice was provided, even late", () => {
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", noticeProvidedOn: "2026-03-02", today: "2026-03-20" }),
    ).toMatchObject({
      required: false,
      overdue: false,
    });
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", noticeProvidedOn: "2026-03-10", today: "2026-03-20" })
        .overdue,
    ).toBe(false);
    // A notice scheduled for a later day is not provided yet.
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", noticeProvidedOn: "2026-03-25", today: "2026-03-20" })
        .overdue,
    ).toBe(true);
  });

  it("is not required when the debt was paid in full before the notice was due (1006.34(a)(2))", () => {
    const s = validationStatus({
      initialCommunicationOn: "2026-03-02",
      paidInFullOn: "2026-03-04",
      today: "2026-03-08",
    });
    expect(s).toMatchObject({ required: false, overdue: false });
    expect(s.reason).toContain("1006.34(a)(2)");
    // Paid on the last day of the five.
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", paidInFullOn: "2026-03-07", today: "2026-03-08" })
        .required,
    ).toBe(false);
  });

  it("stays overdue when the payment came after the notice was due", () => {
    expect(
      validationStatus({ initialCommunicationOn: "2026-03-02", paidInFullOn: "2026-03-10", today: "2026-03-12" }),
    ).toMatchObject({
      required: true,
      dueOn: "2026-03-07",
      overdue: true,
    });
  });

  it("rejects impossible dates", () => {
    expect(() => validationStatus({ initialCommunicationOn: "2026-02-30", today: "2026-03-08" })).toThrow(/2026-02-30/);
    expect(() => validationStatus({ today: "2026-3-8" })).toThrow(RangeError);
  });
});

const cfpbSample: ItemizationInput = {
  itemizationDateType: "charge_off",
  itemizationOn: "2025-06-30",
  currency: "USD",
  amountOnItemizationMinor: 223450,
  interestSinceMinor: 7500,
  feesSinceMinor: 2500,
  paymentsAndCreditsSinceMinor: 5000,
};

describe("buildItemization (1006.34(c)(2), VAL-06, VAL-07)", () => {
  it("computes the current amount of the CFPB sample: $2,234.50 + $75.00 + $25.00 − $50.00 = $2,284.50", () => {
    expect(buildItemization(cfpbSample)).toEqual({ ok: true, notice: { ...cfpbSample, currentAmountMinor: 228450 } });
  });

  it("accepts a stated current amount that adds up, and sources that agree", () => {
    const built = buildItemization({
      ...cfpbSample,
      currentAmountMinor: 228450,
      sources: { accountNumber: "charge_off", creditor: "charge_off", amount: "charge_off" },
    });
    expect(built.ok).toBe(true);
  });

  it("VAL-06: a stated current amount that does not add up names both figures", () => {
    const built = buildItemization({ ...cfpbSample, currentAmountMinor: 230000 });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toHaveLength(1);
    expect(built.errors[0]).toMatchObject({ rule: "VAL-06", field: "currentAmountMinor" });
    expect(built.errors[0]?.message).toContain("$2,300.00");
    expect(built.errors[0]?.message).toContain("$2,284.50");
  });

  it("VAL-07: the account number from the last statement and the amount from charge-off is refused", () => {
    const built = buildItemization({
      ...cfpbSample,
      sources: { accountNumber: "last_statement", amount: "charge_off", creditor: "charge_off" },
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toEqual([expect.objectContaining({ rule: "VAL-07", field: "sources.accountNumber" })]);
    expect(built.errors[0]?.message).toMatch(/last statement.*charge off/);
  });

  it("reports one error per invalid amount", () => {
    const built = buildItemization({
      ...cfpbSample,
      amountOnItemizationMinor: 2234.5,
      interestSinceMinor: -1,
      feesSinceMinor: Number.NaN,
      currentAmountMinor: 1.25,
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => e.field).sort()).toEqual([
      "amountOnItemizationMinor",
      "currentAmountMinor",
      "feesSinceMinor",
      "interestSinceMinor",
    ]);
  });

  it("refuses amounts that are not numbers (imported data)", () => {
    const built = buildItemization({ ...cfpbSample, feesSinceMinor: "2500" as unknown as number });
    expect(built).toMatchObject({ ok: false, errors: [{ field: "feesSinceMinor" }] });
  });

  it("refuses payments and credits larger than the debt", () => {
    const built = buildItemization({ ...cfpbSample, paymentsAndCreditsSinceMinor: 300000 });
    expect(built).toMatchObject({ ok: false, errors: [{ rule: "VAL-06", field: "paymentsAndCreditsSinceMinor" }] });
  });

  it("refuses an unknown itemization date type, an impossible date and a bad currency", () => {
    const built = buildItemization({
      ...cfpbSample,
      itemizationDateType: "placement" as ItemizationInput["itemizationDateType"],
      itemizationOn: "2025-06-31",
      currency: "usd",
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => e.field)).toEqual(["itemizationDateType", "itemizationOn", "currency"]);
  });

  it("adds up any valid figures exactly (property)", () => {
    const amount = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(amount, amount, amount, amount, (a, i, f, p) => {
        const built = buildItemization({
          ...cfpbSample,
          amountOnItemizationMinor: a,
          interestSinceMinor: i,
          feesSinceMinor: f,
          paymentsAndCreditsSinceMinor: p,
        });
        expect(built.ok).toBe(a + i + f >= p);
        if (built.ok) expect(built.notice.currentAmountMinor).toBe(a + i + f - p);
      }),
    );
  });
});

describe("formatMinorAmount", () => {
  it("formats minor units with integer arithmetic", () => {
    expect(formatMinorAmount(228450)).toBe("$2,284.50");
    expect(formatMinorAmount(5)).toBe("$0.05");
    expect(formatMinorAmount(0)).toBe("$0.00");
    expect(formatMinorAmount(123456789012)).toBe("$1,234,567,890.12");
    expect(formatMinorAmount(-1999)).toBe("-$19.99");
    expect(formatMinorAmount(100, "EUR")).toBe("1.00 EUR");
  });
});
