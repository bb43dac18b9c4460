import { describe, expect, it } from "vitest";
import { lint, rulesOf } from "./fixtures";

const confirm = (text: string, channel: "sms" | "email" | "portal_message" = "sms", subject?: string) =>
  lint({ channel, kind: "opt_out_confirmation", text, subject }, { stage: "send", states: ["CA"] });

describe("TCPA-04 / ELEC-05: the opt-out confirmation only confirms", () => {
  it("passes a plain confirmation, with no opt-out notice, disclosure or state block needed", () => {
    for (const text of [
      "You will no longer receive texts from ACME at this number.",
      "You have been unsubscribed from ACME emails at this address. We will not text you again.",
      "Ya no recibirá mensajes de texto de ACME en este número.",
      // Asking to clarify the scope of the request is allowed (47 CFR 64.1200(a)(12)).
      "You will no longer receive texts from ACME at this number. Reply ALL to also stop our emails and calls.",
      "You will no longer receive texts from ACME at this number. To stop all messages, reply STOP ALL.",
    ])
      expect(confirm(text), text).toEqual([]);
  });

  it("blocks an offer, an amount, a payment request, another reply request or a link", () => {
    const base = "You will no longer receive texts from ACME at this number.";
    const cases: [string, string][] = [
      ["Reply YES for 10% off your balance.", "an offer"],
      ["Your balance is $120.00.", "an amount"],
      ["Your balance is {{debt.balance}}.", "an amount"],
      ["You can still pay online.", "a payment request"],
      ["Reply HELP for help.", 'a request to reply "HELP"'],
      ["Text START to resubscribe.", 'a request to reply "START"'],
      ["Manage your preferences: {{preferences_url}}", "a link"],
      ["See https://acme.example/offers", "a link"],
      ["Ahorre un 20% hoy.", "an offer"],
    ];
    for (const [extra, what] of cases) {
      const findings = confirm(`${base} ${extra}`);
      expect(rulesOf(findings), extra).toEqual(["TCPA-04"]);
      expect(findings[0]!.severity).toBe("block");
      expect(findings[0]!.excerpt, extra).toBe(extra);
      expect(findings[0]!.message, extra).toContain(what);
    }
  });

  it("says ELEC-05 for email and portal confirmations, and looks at the subject", () => {
    expect(rulesOf(confirm("You have been unsubscribed. Pay now and save 10%!", "email"))).toEqual(["ELEC-05"]);
    expect(rulesOf(confirm("You have been unsubscribed.", "portal_message", "Special offer inside"))).toEqual([
      "ELEC-05",
    ]);
  });
});
