import { describe, expect, it } from "vitest";
import { FROM_COLLECTOR, lint, REPLY_STOP } from "./fixtures";
import { dayNumber } from "./overshadowing";

const DURING = { stage: "send" as const, today: "2026-03-05", validationEndsOn: "2026-04-08" };
const disp = (text: string, context: Parameters<typeof lint>[1] = DURING, subject?: string) =>
  lint(
    { channel: "sms", text: `ACME: this message is from a debt collector. ${text} ${REPLY_STOP}`, subject },
    context,
  ).filter((f) => f.rule === "DISP-05");

describe("DISP-05: overshadowing during the validation period", () => {
  it("blocks a demand to pay within a number of days that ends before the period does", () => {
    for (const text of [
      "Please pay within 10 days.",
      "Pay the balance within the next 10 days.",
      "Make a payment in 10 days.",
      "Pay within ten (10) days.",
      "Pague dentro de 10 días.",
      "Pague en los próximos diez días.",
      "Please pay within two weeks.",
      "Respond within 48 hours.",
    ]) {
      const findings = disp(text);
      expect(findings, text).toHaveLength(1);
      expect(findings[0]!.severity).toBe("block");
      expect(findings[0]!.excerpt).toBe(text);
      expect(findings[0]!.message).toContain("2026-04-08");
    }
  });

  it("lets a deadline pass that reaches the end of the period or beyond", () => {
    // 5 Mar + 34 days = 8 Apr, the last day of the period: not before it.
    expect(disp("Please pay within 34 days.")).toEqual([]);
    expect(disp("Please pay within 33 days.")).toHaveLength(1);
    expect(disp("Please pay within 60 days.")).toEqual([]);
  });

  it("does not read a number of days that is not a demand as a deadline", () => {
    expect(disp("Your statement will arrive in 10 days.")).toEqual([]);
  });

  it("blocks pressure to act at once, and a deadline backed by a threat, whatever its length", () => {
    for (const text of [
      "Immediate action required.",
      "Pay immediately.",
      "Pay today to avoid more calls.",
      "FINAL NOTICE.",
      "This is your last chance.",
      "Pague inmediatamente.",
      "Último aviso.",
      "Pay within 60 days to avoid further action.",
    ])
      expect(disp(text), text).toHaveLength(1);
    expect(disp("Your account.", DURING, "FINAL NOTICE")[0]!.excerpt).toBe("FINAL NOTICE");
  });

  it("passes the same text once the period has ended, or when the period is not known", () => {
    const text = "Pay within 10 days to avoid further action.";
    expect(disp(text, { ...DURING, today: "2026-04-09" })).toEqual([]);
    expect(disp(text, { stage: "send", today: "2026-03-05" })).toEqual([]);
    expect(disp(text, { stage: "send", validationEndsOn: "2026-04-08" })).toEqual([]);
    expect(disp(text, { ...DURING, today: "yesterday" })).toEqual([]);
    expect(disp(text, { ...DURING, today: "2026-04-08" })).toHaveLength(1);
  });

  it("warns at publish that the template will be refused inside the validation period", () => {
    const [finding] = disp("Pay within 10 days to avoid further action.", { stage: "publish" });
    expect(finding).toMatchObject({ rule: "DISP-05", severity: "warn" });
    expect(finding!.message).toContain("will be refused for consumers still inside their validation period");
    expect(disp("Your plan payment of $50 is due 3/15.", { stage: "publish" })).toEqual([]);
  });

  it("looks in letters and email HTML too", () => {
    const letter = lint({ channel: "letter", text: `${FROM_COLLECTOR} Pay within 10 days.` }, DURING);
    expect(letter.map((f) => f.rule)).toEqual(["DISP-05"]);
    const email = lint(
      {
        text: `${FROM_COLLECTOR} Unsubscribe: {{unsubscribe_url}}`,
        html: `<p>${FROM_COLLECTOR} <b>Act now!</b></p><a href="{{unsubscribe_url}}">Unsubscribe</a>`,
      },
      DURING,
    );
    expect(email.map((f) => f.rule)).toEqual(["DISP-05"]);
  });
});

describe("dayNumber", () => {
  it("reads real calendar dates only", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-04-08")! - dayNumber("2026-03-05")!).toBe(34);
    expect(dayNumber("2026-02-30")).toBeUndefined();
    expect(dayNumber("2026-4-8")).toBeUndefined();
    expect(dayNumber(undefined)).toBeUndefined();
  });
});
