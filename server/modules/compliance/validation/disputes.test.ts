import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { disputeOutcome, type DisputeInput, type DisputeMedium } from "./disputes";
import { validationPeriodEndsOn } from "./notice";

// Notice sent Mon 2026-03-02 → assumed receipt Mon 2026-03-09 → validation period ends Wed 2026-04-08.
const END = validationPeriodEndsOn("2026-03-02");

const dispute = (over: Partial<DisputeInput>): DisputeInput => ({
  kind: "dispute",
  medium: "portal",
  receivedOn: "2026-03-30",
  validationEndsOn: END,
  ...over,
});

describe("disputeOutcome: written and timely (1006.38, DD-6)", () => {
  it("uses the validation end of the worked example", () => {
    expect(END).toBe("2026-04-08");
  });

  it("(a) a portal dispute on Mon 30 Mar is timely and holds under DISP-01", () => {
    expect(disputeOutcome(dispute({ receivedOn: "2026-03-30" }))).toMatchObject({
      written: true,
      timely: true,
      hold: true,
      holdRule: "DISP-01",
      disputedFlag: true,
    });
  });

  it("(b) a portal dispute on Mon 6 Apr is still timely and holds", () => {
    expect(disputeOutcome(dispute({ receivedOn: "2026-04-06" }))).toMatchObject({
      timely: true,
      hold: true,
      holdRule: "DISP-01",
    });
  });

  it("a dispute received on the last day of the period is timely", () => {
    expect(disputeOutcome(dispute({ receivedOn: "2026-04-08" })).timely).toBe(true);
    expect(disputeOutcome(dispute({ receivedOn: "2026-04-09" })).timely).toBe(false);
  });

  it("(c) a portal dispute on Tue 14 Apr with no earlier sent date is late: no federal hold, but flagged", () => {
    const outcome = disputeOutcome(dispute({ receivedOn: "2026-04-14" }));
    expect(outcome).toMatchObject({ written: true, timely: false, hold: false, disputedFlag: true });
    expect(outcome.holdRule).toBeUndefined();
    expect(outcome.pauseEndsOn).toBeUndefined();
  });

  it("(c) the same late dispute in New York City holds under NYC-04", () => {
    expect(disputeOutcome(dispute({ receivedOn: "2026-04-14", nyc: true }))).toMatchObject({
      timely: false,
      hold: true,
      holdRule: "NYC-04",
      disputedFlag: true,
      pauseEndsOn: "2026-05-28",
      unverifiedNoticeDueOn: "2026-05-29",
    });
  });

  it("a mailed dispute received 10 Apr but postmarked 7 Apr is timely", () => {
    expect(disputeOutcome(dispute({ medium: "mail", receivedOn: "2026-04-10", sentOn: "2026-04-07" }))).toMatchObject({
      written: true,
      timely: true,
      hold: true,
      holdRule: "DISP-01",
    });
    // Postmarked after the end: late.
    expect(disputeOutcome(dispute({ medium: "mail", receivedOn: "2026-04-10", sentOn: "2026-04-09" })).timely).toBe(
      false,
    );
  });

  it("a dispute before any validation notice is timely", () => {
    expect(disputeOutcome(dispute({ validationEndsOn: undefined, receivedOn: "2026-03-01" }))).toMatchObject({
      timely: true,
      hold: true,
      holdRule: "DISP-01",
    });
  });

  it("treats mail, email, portal and in-person delivery as written, a phone call as oral (comment 38-1)", () => {
    const media: [DisputeMedium, boolean][] = [
      ["mail", true],
      ["email", true],
      ["portal", true],
      ["in_person", true],
      ["phone", false],
    ];
    for (const [medium, written] of media) {
      const outcome = disputeOutcome(dispute({ medium, receivedOn: "2026-03-20" }));
      expect(outcome.written).toBe(written);
      expect(outcome.hold).toBe(written);
    }
  });

  it("an email dispute to the disputes address within the period holds (T-VAL-07)", () => {
    expect(disputeOutcome(dispute({ medium: "email", receivedOn: "2026-03-20" }))).toMatchObject({
      written: true,
      timely: true,
      hold: true,
      holdRule: "DISP-01",
    });
  });
});

describe("disputeOutcome: oral disputes (DISP-07) and New York City (NYC-04)", () => {
  it("an oral dispute by phone on Fri 20 Mar: no federal hold, but the debt is flagged as disputed", () => {
    const outcome = disputeOutcome(dispute({ medium: "phone", receivedOn: "2026-03-20" }));
    expect(outcome).toMatchObject({ written: false, timely: true, hold: false, disputedFlag: true });
    expect(outcome.holdRule).toBeUndefined();
  });

  it("the same oral dispute in New York City holds under NYC-04", () => {
    expect(disputeOutcome(dispute({ medium: "phone", receivedOn: "2026-03-20", nyc: true }))).toMatchObject({
      hold: true,
      holdRule: "NYC-04",
      disputedFlag: true,
    });
  });

  it("an oral NYC dispute on Mon 2 Mar pauses through Wed 15 Apr; the unverified-debt notice is due Thu 16 Apr", () => {
    const outcome = disputeOutcome({ kind: "dispute", medium: "phone", receivedOn: "2026-03-02", nyc: true });
    expect(outcome).toMatchObject({
      hold: true,
      holdRule: "NYC-04",
      pauseEndsOn: "2026-04-15",
      unverifiedNoticeDueOn: "2026-04-16",
    });
  });

  it("reports the federal rule when the federal and the NYC hold both apply", () => {
    const outcome = disputeOutcome(dispute({ receivedOn: "2026-03-30", nyc: true }));
    expect(outcome).toMatchObject({ hold: true, holdRule: "DISP-01", pauseEndsOn: addDays("2026-03-30", 44) });
  });

  it("the NYC hold ends with the response", () => {
    const outcome = disputeOutcome(
      dispute({ medium: "phone", receivedOn: "2026-03-20", nyc: true, respondedOn: "2026-04-01" }),
    );
    expect(outcome.hold).toBe(false);
    expect(outcome.holdRule).toBeUndefined();
    expect(outcome.disputedFlag).toBe(true);
  });
});

describe("disputeOutcome: original-creditor requests (DISP-04) and responses", () => {
  it("a written request returned 16 Mar holds under DISP-04 until answered", () => {
    const request = dispute({ kind: "original_creditor_request", medium: "mail", receivedOn: "2026-03-16" });
    expect(disputeOutcome(request)).toMatchObject({ written: true, timely: true, hold: true, holdRule: "DISP-04" });
    expect(disputeOutcome({ ...request, respondedOn: "2026-03-25" })).toMatchObject({ hold: false });
  });

  it("a request for the original creditor is not a dispute: no disputed flag", () => {
    const request = dispute({ kind: "original_creditor_request", medium: "mail", receivedOn: "2026-03-16" });
    expect(disputeOutcome(request).disputedFlag).toBe(false);
  });

  it("an oral request brings no federal hold", () => {
    const request = dispute({ kind: "original_creditor_request", medium: "phone", receivedOn: "2026-03-16" });
    expect(disputeOutcome(request)).toMatchObject({ written: false, hold: false });
  });

  it("the federal dispute hold ends when verification is sent", () => {
    const outcome = disputeOutcome(dispute({ receivedOn: "2026-03-10", respondedOn: "2026-03-20" }));
    expect(outcome).toMatchObject({ written: true, timely: true, hold: false, disputedFlag: true });
    expect(outcome.holdRule).toBeUndefined();
    expect(outcome.reasons.join(" ")).toContain("2026-03-20");
  });

  it("explains itself", () => {
    const outcome = disputeOutcome(dispute({ medium: "phone", receivedOn: "2026-04-14" }));
    expect(outcome.reasons.join(" ")).toMatch(/oral and late/);
  });

  it("rejects impossible dates", () => {
    expect(() => disputeOutcome(dispute({ receivedOn: "2026-02-30" }))).toThrow(/2026-02-30/);
    expect(() => disputeOutcome(dispute({ sentOn: "2026-04-31" }))).toThrow(RangeError);
  });
});

describe("disputeOutcome: invariants (property)", () => {
  const medium = fc.constantFrom<DisputeMedium>("mail", "email", "portal", "in_person", "phone");
  const offset = fc.integer({ min: -60, max: 60 });
  const input = fc.record({
    kind: fc.constantFrom("dispute" as const, "original_creditor_request" as const),
    medium,
    received: offset,
    sent: fc.option(offset, { nil: undefined }),
    noticed: fc.boolean(),
    nyc: fc.boolean(),
    responded: fc.boolean(),
  });

  it("holds federally exactly when written and timely, flags every dispute, and lets NYC only add holds", () => {
    fc.assert(
      fc.property(input, (x) => {
        const base: DisputeInput = {
          kind: x.kind,
          medium: x.medium,
          receivedOn: addDays(END, x.received),
          sentOn: x.sent === undefined ? undefined : addDays(END, x.sent),
          validationEndsOn: x.noticed ? END : undefined,
          respondedOn: x.responded ? addDays(END, 90) : undefined,
        };
        const federal = disputeOutcome(base);
        const nyc = disputeOutcome({ ...base, nyc: x.nyc });
        expect(federal.disputedFlag).toBe(x.kind === "dispute");
        expect(federal.hold).toBe(federal.written && federal.timely && !x.responded);
        if (federal.hold) expect(federal.holdRule).toBe(x.kind === "dispute" ? "DISP-01" : "DISP-04");
        // The NYC overlay never removes a federal hold and never changes the federal rule.
        if (federal.hold) expect(nyc.holdRule).toBe(federal.holdRule);
        if (x.nyc && x.kind === "dispute") expect(nyc.hold).toBe(!x.responded);
        // Timeliness never depends on the medium.
        expect(disputeOutcome({ ...base, medium: "phone" }).timely).toBe(federal.timely);
      }),
    );
  });
});
