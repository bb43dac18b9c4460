import { describe, expect, it } from "vitest";
import {
  CA_TIME_BARRED,
  CA_TIME_BARRED_OBSOLETE,
  FROM_COLLECTOR,
  lint,
  NY_EXEMPT_INCOME,
  ROSENTHAL,
  rulesOf,
} from "./fixtures";

/** Letters: no opt-out rule, and the disclosure is there, so only the litigation rules speak. */
const letter = (text: string, context: Parameters<typeof lint>[1] = {}, subject?: string) =>
  lint({ channel: "letter", text: `${FROM_COLLECTOR} ${text}`, subject }, context);

describe("TBD-02 and CONT-05: litigation language", () => {
  const threats = [
    "We may file a lawsuit against you.",
    "We will sue you.",
    "We may take legal action.",
    "This may end up in court.",
    "A judgment may be entered against you.",
    "Your wages may be garnished.",
    "We may pursue wage garnishment.",
    "Your account has been sent to our attorney.",
    "You could be arrested.",
    "Podemos presentar una demanda.",
    "Podemos tomar acción legal.",
    "Podría haber un embargo de su salario.",
  ];

  it("blocks it on a time-barred debt, and on one whose limitation period is unknown, at send", () => {
    for (const text of threats) {
      const findings = letter(text, { stage: "send", timeBarred: true });
      expect(rulesOf(findings), text).toEqual(["TBD-02"]);
      expect(findings[0]!.severity).toBe("block");
      expect(findings[0]!.excerpt).toBe(text);
    }
    const unknown = letter(threats[0]!, { stage: "send", timeBarred: "unknown" });
    expect(rulesOf(unknown)).toEqual(["TBD-02"]);
    expect(unknown[0]!.message).toContain("counts as time-barred until it is determined");
  });

  it("blocks even when legal review approved the template: suing on a time-barred debt is never allowed", () => {
    expect(rulesOf(letter(threats[0]!, { stage: "send", timeBarred: true, legalReviewApproved: true }))).toEqual([
      "TBD-02",
    ]);
  });

  it("otherwise warns that legal review must approve it, at publish and at send", () => {
    for (const context of [{}, { stage: "send" as const, timeBarred: false }, { timeBarred: "unknown" as const }]) {
      const findings = letter(threats[0]!, context);
      expect(findings, JSON.stringify(context)).toHaveLength(1);
      expect(findings[0]).toMatchObject({ rule: "CONT-05", severity: "warn" });
      expect(findings[0]!.message).toContain("legal review");
    }
    expect(letter(threats[0]!, { stage: "send", timeBarred: false, legalReviewApproved: true })).toEqual([]);
    expect(letter(threats[0]!, { legalReviewApproved: true })).toEqual([]);
  });

  it("looks in the subject line too", () => {
    expect(rulesOf(letter("Your balance is $50.", {}, "Legal action pending"))).toEqual(["CONT-05"]);
  });

  it("does not count statutory notices and mentions that protect the consumer", () => {
    const barred = { stage: "send" as const, timeBarred: true };
    for (const text of [
      CA_TIME_BARRED,
      CA_TIME_BARRED_OBSOLETE,
      ROSENTHAL,
      NY_EXEMPT_INCOME,
      "Because of the age of your debt, we will not sue you for it.",
      "Debido a la antigüedad de su deuda, no le podemos demandar.",
      "If you are represented by an attorney, please tell us their name.",
      "If you have an attorney, we will talk to them instead.",
      "Please ask for Sue Brown at 1-800-555-1212.",
      "Our office is at 12 Court Street.",
    ])
      expect(letter(text, barred), text).toEqual([]);
  });

  it("does not mistake words that contain litigation words for them", () => {
    expect(letter("We appreciate your courtesy; pursue your options.", { stage: "send", timeBarred: true })).toEqual(
      [],
    );
  });
});
