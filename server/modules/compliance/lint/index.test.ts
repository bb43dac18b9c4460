import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FROM_COLLECTOR, LCM_A, LCM_B, lint, MINI_MIRANDA, REPLY_STOP, rulesOf, UNSUBSCRIBE } from "./fixtures";
import { lintMessage, type LintChannel, type LintContext, type MessageKind } from "./index";

const SMS =
  "ACME Recovery: this message is from a debt collector. Your plan payment of $50 is due 3/15. Reply STOP to stop texts to this telephone number.";
const EMAIL = "This is a communication from a debt collector. Your balance is $120.00.";

describe("lintMessage: the public scenarios", () => {
  it("T-ELEC-01: the CFPB's example text passes at publish; without the opt-out ELEC-01, without the disclosure CONT-01", () => {
    expect(lint({ channel: "sms", text: SMS })).toEqual([]);
    expect(
      rulesOf(lint({ channel: "sms", text: SMS.replace(" Reply STOP to stop texts to this telephone number.", "") })),
    ).toEqual(["ELEC-01"]);
    expect(rulesOf(lint({ channel: "sms", text: SMS.replace(" this message is from a debt collector.", "") }))).toEqual(
      ["CONT-01"],
    );
  });

  it("T-ELEC-02: email opt-outs by mail, by phone or by a link-less website are not reasonable and simple", () => {
    expect(rulesOf(lint({ text: `${EMAIL} To opt out of email, mail a letter to PO Box 1.` }))).toEqual(["ELEC-02"]);
    expect(rulesOf(lint({ text: `${EMAIL} Call us to opt out of these emails.` }))).toEqual(["ELEC-02"]);
    expect(rulesOf(lint({ text: `${EMAIL} Visit our website to opt out of email.` }))).toEqual(["ELEC-02"]);
    expect(
      lint({
        text: `${EMAIL} ${UNSUBSCRIBE}`,
        html: `<p>${EMAIL}</p><p><a href="{{unsubscribe_url}}">Unsubscribe from these emails</a></p>`,
      }),
    ).toEqual([]);
    expect(
      rulesOf(lint({ text: `${EMAIL} ${UNSUBSCRIBE}`, optOutLinkRequires: ["account_number", "date_of_birth"] })),
    ).toEqual(["ELEC-02"]);
  });

  it("T-CONT-06: a Spanish email with only the English disclosure is blocked (CONT-02)", () => {
    const spanish =
      "Su saldo es de $120.00. Para dejar de recibir correos en esta dirección, cancele su suscripción aquí: {{unsubscribe_url}}";
    expect(rulesOf(lint({ language: "es", text: `This communication is from a debt collector. ${spanish}` }))).toEqual([
      "CONT-02",
    ]);
    expect(lint({ language: "es", text: `Esta comunicación es de un cobrador de deudas. ${spanish}` })).toEqual([]);
  });

  it("T-CONT-01/02/03: the CFPB's limited-content messages pass; a collection business name or a state sentence does not", () => {
    expect(lint({ channel: "voicemail", kind: "limited_content", text: LCM_A })).toEqual([]);
    expect(lint({ channel: "voicemail", kind: "limited_content", text: LCM_B })).toEqual([]);
    const ficus = lint({
      channel: "voicemail",
      kind: "limited_content",
      text: "This is Robin Smith calling from Ficus Debt Collection Services. Please contact me or Jim Johnson at 1-800-555-1212.",
    });
    expect(rulesOf(ficus)).toEqual(["CONT-03"]);
    expect(ficus[0]!.message).toContain("Ficus Debt Collection Services");
    const nyc = "We are required by New York City law to tell you that you may request language access services.";
    const withState = lint({ channel: "voicemail", kind: "limited_content", text: `${LCM_A} ${nyc}` });
    expect(rulesOf(withState)).toEqual(["CONT-03"]);
    expect(withState[0]!.excerpt).toBe(nyc);
  });

  it("T-CONT-04: a text is never a limited-content message, and as a text it needs the opt-out and the disclosure", () => {
    const findings = lint({ channel: "sms", kind: "limited_content", text: LCM_A });
    expect(rulesOf(findings)).toEqual(["CONT-03", "ELEC-01", "CONT-01"]);
    expect(findings[0]!.message).toContain("A text message is never a limited-content message");
  });

  it("T-VAL-10: a 10-day deadline during the validation period is blocked; after it, the same text passes DISP-05", () => {
    const text = `ACME: this message is from a debt collector. Pay within 10 days to avoid further action. ${REPLY_STOP}`;
    const during = lint(
      { channel: "sms", text },
      { stage: "send", today: "2026-03-05", validationEndsOn: "2026-04-08" },
    );
    expect(rulesOf(during)).toEqual(["DISP-05"]);
    expect(during[0]).toMatchObject({ severity: "block", excerpt: "Pay within 10 days to avoid further action." });
    expect(
      lint({ channel: "sms", text }, { stage: "send", today: "2026-04-09", validationEndsOn: "2026-04-08" }),
    ).toEqual([]);
  });

  it("T-TBD-04: litigation language on a debt whose limitation period is unknown is blocked (TBD-02)", () => {
    const findings = lint(
      { channel: "letter", text: `${FROM_COLLECTOR} If you do not pay we may file a lawsuit against you.` },
      { stage: "send", timeBarred: "unknown" },
    );
    expect(rulesOf(findings)).toEqual(["TBD-02"]);
    expect(findings[0]!.severity).toBe("block");
  });

  it("T-TCPA-04: the confirmation may only confirm; an offer in it is blocked", () => {
    const confirm = "You will no longer receive texts from ACME at this number.";
    expect(lint({ channel: "sms", kind: "opt_out_confirmation", text: confirm })).toEqual([]);
    expect(
      rulesOf(
        lint({ channel: "sms", kind: "opt_out_confirmation", text: `${confirm} Reply YES for 10% off your balance.` }),
      ),
    ).toEqual(["TCPA-04"]);
  });

  it("T-CONT-05: after an oral initial communication, the first letter repeats the full disclosure", () => {
    const send = { stage: "send" as const, firstWritten: true };
    const without = `${FROM_COLLECTOR} Your balance of $980.00 remains unpaid.`;
    expect(rulesOf(lint({ channel: "letter", text: without }, send))).toEqual(["CONT-01"]);
    expect(lint({ channel: "letter", text: `${FROM_COLLECTOR} ${MINI_MIRANDA}` }, send)).toEqual([]);
  });
});

describe("lintMessage: shape of the answer", () => {
  it("puts blocks before warnings", () => {
    const findings = lint({ channel: "sms", text: "Final notice: we may take legal action." });
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "block" ? -1 : 1)));
    expect(rulesOf(findings)).toEqual(["ELEC-01", "CONT-01", "DISP-05", "CONT-05"]);
  });

  it("gives each finding a rule id, a severity and a message citing the regulation", () => {
    for (const f of lint({ channel: "sms", text: "Pay now." }, { states: ["CA"] })) {
      expect(f.rule).toMatch(/^[A-Z]+-\d\d$/);
      expect(["block", "warn"]).toContain(f.severity);
      expect(f.message).toMatch(/\((?:Reg F|Cal\.|FDCPA|47 CFR|23 NYCRR|6 RCNY|Tex\.)[^)]*\)/);
    }
  });

  it("never throws and always answers well-formed findings, whatever the strings", () => {
    const channels: LintChannel[] = ["email", "sms", "letter", "voicemail", "portal_message"];
    const kinds: MessageKind[] = [
      "communication",
      "initial_communication",
      "limited_content",
      "opt_out_confirmation",
      "validation_notice",
      "cease_response",
    ];
    // Words the rules look for, so that random messages reach the rules' deeper branches.
    const words = fc.constantFrom(
      "debt collector",
      "Reply STOP",
      "{{unsubscribe_url}}",
      "{{",
      "}}",
      "https://x.example/unsubscribe",
      "<a href='",
      "</a>",
      "<p style='font-size:8px'>",
      "license no.",
      "1-800-555-1212",
      "4:15 p.m.",
      "Robin Smith",
      "calling from",
      "ABC, Inc.",
      "please call me",
      "within 10 days",
      "final notice",
      "lawsuit",
      "cannot sue you",
      "exempt",
      "90%",
      "Sue",
      ".",
      "\n",
      "cobrador de deudas",
      "información",
      "10% off",
      "$50",
      "opt out",
      "<!--",
      "&amp;",
      "&#x1F600;",
      "\u0301",
      "<constructor>",
      "&constructor;",
      "{{constructor}}",
      "§p",
      "ﬁ",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join(" ")),
    );
    const date = fc.oneof(
      fc.constantFrom("2026-03-05", "2026-04-08", "2026-02-30", "not a date"),
      fc.string({ maxLength: 12 }),
    );
    const context: fc.Arbitrary<LintContext> = fc.record(
      {
        stage: fc.constantFrom("publish" as const, "send" as const),
        states: fc.array(fc.oneof(fc.constantFrom("CA", "NY", "TX", "ca"), fc.string({ maxLength: 3 })), {
          maxLength: 3,
        }),
        nyc: fc.boolean(),
        today: date,
        validationEndsOn: date,
        timeBarred: fc.constantFrom(true, false, "unknown" as const),
        firstWritten: fc.boolean(),
        pastObsolescence: fc.boolean(),
        legalReviewApproved: fc.boolean(),
      },
      { requiredKeys: ["stage"] },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...channels),
        fc.constantFrom(...kinds),
        fc.constantFrom("en" as const, "es" as const),
        text,
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        fc.option(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), { nil: undefined }),
        context,
        (channel, kind, language, body, html, subject, optOutLinkRequires, ctx) => {
          const findings = lintMessage({ channel, kind, language, text: body, html, subject, optOutLinkRequires }, ctx);
          for (const f of findings) {
            expect(f.rule).toMatch(/^[A-Z]+-\d\d$/);
            expect(f.message.length).toBeGreaterThan(20);
            if (f.excerpt !== undefined) expect(f.excerpt.length).toBeLessThanOrEqual(200);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("stays linear on hostile input (no regex backtracking blow-up)", () => {
    const hostile = [
      "{{".repeat(20_000),
      "....x".repeat(8_000),
      "<div>".repeat(10_000) + "</span>".repeat(10_000),
      `This is ${"Robin ".repeat(8_000)}calling.`,
      "pay within ".repeat(5_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      lintMessage(
        { channel: "email", kind: "opt_out_confirmation", language: "en", text, html: text, subject: text },
        { stage: "send", states: ["CA", "NY", "TX"], nyc: true, timeBarred: true, firstWritten: true },
      );
      lintMessage({ channel: "voicemail", kind: "limited_content", language: "en", text }, { stage: "send" });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("lints a 2 KB email at send time in well under 100 µs", () => {
    let text = "";
    while (text.length < 1_900)
      text += `${FROM_COLLECTOR} Your balance of $980.00 remains unpaid; we can set up a payment plan that fits your budget. `;
    text += UNSUBSCRIBE;
    const message = { channel: "email" as const, kind: "communication" as const, language: "en" as const, text };
    const context: LintContext = {
      stage: "send",
      states: ["CA", "NY"],
      nyc: true,
      today: "2026-03-05",
      validationEndsOn: "2026-04-08",
      timeBarred: "unknown",
    };
    for (let i = 0; i < 500; i++) lintMessage(message, context);
    // The best of several batches, so that a busy machine measures the code rather than the noise.
    let best = Infinity;
    for (let batch = 0; batch < 5; batch++) {
      const started = performance.now();
      for (let i = 0; i < 400; i++) lintMessage(message, context);
      best = Math.min(best, ((performance.now() - started) / 400) * 1000);
    }
    expect(best).toBeLessThan(100);
  });
});
