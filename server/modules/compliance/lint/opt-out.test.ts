import { describe, expect, it } from "vitest";
import { FROM_COLLECTOR, lint, rulesOf, UNSUBSCRIBE } from "./fixtures";

const optOut = (findings: ReturnType<typeof lint>) => findings.filter((f) => f.rule.startsWith("ELEC-0"));

describe("ELEC-01: an opt-out statement in every electronic communication", () => {
  it("says exactly what is missing and how to fix it", () => {
    const [finding] = lint({ text: FROM_COLLECTOR });
    expect(finding).toEqual({
      rule: "ELEC-01",
      severity: "block",
      message:
        "Email has no way to opt out of email: add the one-click unsubscribe link {{unsubscribe_url}} (Reg F 1006.6(e))",
    });
    expect(lint({ channel: "sms", text: FROM_COLLECTOR })[0]!.message).toContain(
      'add "Reply STOP to stop texts to this telephone number."',
    );
  });

  it("applies to email, texts and portal messages, validation notices and cease responses included", () => {
    for (const channel of ["email", "sms", "portal_message"] as const)
      for (const kind of ["communication", "initial_communication", "validation_notice", "cease_response"] as const)
        expect(rulesOf(lint({ channel, kind, text: "Hello." })), `${channel} ${kind}`).toContain("ELEC-01");
  });

  it("does not apply to letters, voicemails or the opt-out confirmation itself", () => {
    expect(rulesOf(lint({ channel: "letter", text: FROM_COLLECTOR }))).toEqual([]);
    expect(rulesOf(lint({ channel: "voicemail", text: FROM_COLLECTOR }))).toEqual([]);
    expect(
      rulesOf(
        lint({ channel: "sms", kind: "opt_out_confirmation", text: "You will no longer receive texts from ACME." }),
      ),
    ).toEqual([]);
  });

  it("wants words, not a bare link, even one whose address says unsubscribe", () => {
    const [finding] = optOut(lint({ text: `${FROM_COLLECTOR} {{unsubscribe_url}}` }));
    expect(finding?.rule).toBe("ELEC-01");
    expect(finding?.message).toContain("no clear statement");
  });

  it("checks the plain-text and the HTML versions of an email each", () => {
    const findings = optOut(
      lint({ text: `${FROM_COLLECTOR} ${UNSUBSCRIBE}`, html: `<p>${FROM_COLLECTOR}</p><p>Thank you.</p>` }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.rule).toBe("ELEC-01");
    expect(findings[0]!.message).toContain("(missing from the HTML version)");
  });
});

describe("ELEC-02: a reasonable and simple way to opt out", () => {
  it("accepts reply keywords for texts, in English and Spanish", () => {
    for (const text of [
      "Reply STOP to stop texts to this telephone number.",
      "Text STOP to 12345 to opt out.",
      'Reply "STOP" to opt out.',
      "Reply with END to stop these messages.",
      "Responda STOP para dejar de recibir mensajes.",
      "Responda ALTO para no recibir más mensajes.",
      "Envíe PARAR para darse de baja.",
    ])
      expect(optOut(lint({ channel: "sms", text: `${FROM_COLLECTOR} ${text}` })), text).toEqual([]);
  });

  it("accepts a link in a text, and a reply keyword or link in a portal message", () => {
    expect(optOut(lint({ channel: "sms", text: `${FROM_COLLECTOR} Opt out: {{opt_out_url}}` }))).toEqual([]);
    expect(
      optOut(
        lint({ channel: "portal_message", text: `${FROM_COLLECTOR} Reply STOP to stop messages to this account.` }),
      ),
    ).toEqual([]);
    expect(
      optOut(
        lint({ channel: "portal_message", text: `${FROM_COLLECTOR} To opt out of portal messages: {{opt_out_url}}` }),
      ),
    ).toEqual([]);
  });

  it("accepts for email the template link, an HTML link and a real URL that says what it does", () => {
    for (const message of [
      { text: `${FROM_COLLECTOR} Unsubscribe: {{unsubscribe_url}}` },
      { text: `${FROM_COLLECTOR} Para darse de baja: {{opt_out_url}}` },
      { text: `${FROM_COLLECTOR} Manage your email preferences: {{email_preferences_url}}` },
      { text: `${FROM_COLLECTOR} Unsubscribe: https://acme.example/email/unsubscribe?t=abc` },
      { text: `${FROM_COLLECTOR} To stop these emails, go to https://acme.example/u/x7 .` },
      { text: "", html: `<p>${FROM_COLLECTOR}</p><a href="https://acme.example/u/x7">Unsubscribe</a>` },
      { text: "", html: `<p>${FROM_COLLECTOR}</p><a href='{{unsubscribe_url}}'>Stop receiving these emails</a>` },
    ])
      expect(optOut(lint(message)), JSON.stringify(message)).toEqual([]);
  });

  it("refuses postal mail, telephone and link-less websites, saying which", () => {
    const cases: [string, string][] = [
      ["To opt out of email, mail a letter to PO Box 1.", "postal mail"],
      ["Write to us at 1 Main St to unsubscribe.", "postal mail"],
      ["Call us to opt out of these emails.", "telephone"],
      ["To stop receiving emails, phone 1-800-555-1212.", "telephone"],
      ["Visit our website to opt out of email.", "website without a link"],
      ["You can unsubscribe online.", "website without a link"],
    ];
    for (const [footer, why] of cases) {
      const findings = optOut(lint({ text: `${FROM_COLLECTOR} ${footer}` }));
      expect(rulesOf(findings), footer).toEqual(["ELEC-02"]);
      expect(findings[0]!.message, footer).toContain(why);
      expect(findings[0]!.message).toContain("{{unsubscribe_url}}");
    }
  });

  it("refuses a reply keyword as the only way out of email, and a website or phone call for texts", () => {
    expect(rulesOf(optOut(lint({ text: `${FROM_COLLECTOR} Reply STOP to unsubscribe.` })))).toEqual(["ELEC-02"]);
    expect(
      rulesOf(optOut(lint({ channel: "sms", text: `${FROM_COLLECTOR} To stop texts, call 1-800-555-1212.` }))),
    ).toEqual(["ELEC-02"]);
  });

  it("refuses an opt-out page that asks for more than the choice and the address", () => {
    const text = `${FROM_COLLECTOR} ${UNSUBSCRIBE}`;
    const [finding] = optOut(lint({ text, optOutLinkRequires: ["account_number", "date_of_birth"] }));
    expect(finding?.rule).toBe("ELEC-02");
    expect(finding?.message).toContain("account number and date of birth");
    expect(optOut(lint({ text, optOutLinkRequires: ["email", "preference"] }))).toEqual([]);
    // Without a link the page is not offered; the finding is about the missing link instead.
    expect(
      rulesOf(
        optOut(lint({ channel: "sms", text: `${FROM_COLLECTOR} Reply STOP to opt out.`, optOutLinkRequires: ["ssn"] })),
      ),
    ).toEqual([]);
  });
});
