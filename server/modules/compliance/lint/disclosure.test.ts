import { describe, expect, it } from "vitest";
import { FROM_COLLECTOR, lint, MINI_MIRANDA, MINI_MIRANDA_ES, rulesOf } from "./fixtures";

/** Letters: no opt-out rule, so only the disclosure rules speak. */
const letter = (text: string, more: Parameters<typeof lint>[0] = {}, context: Parameters<typeof lint>[1] = {}) =>
  rulesOf(lint({ channel: "letter", text, ...more }, context));

describe("CONT-01: the debt-collector disclosure", () => {
  it("accepts the usual ways of saying a communication is from a debt collector", () => {
    for (const text of [
      "This is a communication from a debt collector.",
      "This communication is from a debt collector.",
      "This message is from a debt collector.",
      "We are a debt collector.",
      "ACME Recovery is a debt collector.",
      "This communication is from a debt collector attempting to collect a debt.",
      "THIS COMMUNICATION IS FROM A DEBT COLLECTOR.",
      MINI_MIRANDA,
    ])
      expect(letter(text), text).toEqual([]);
  });

  it("blocks a later communication that does not say it, with the sentence to add", () => {
    const findings = lint({ channel: "letter", text: "Your balance is $120.00." });
    expect(rulesOf(findings)).toEqual(["CONT-01"]);
    expect(findings[0]!.message).toContain('"This communication is from a debt collector."');
    expect(letter("We collect debts.")).toEqual(["CONT-01"]);
    expect(letter("Our debt collector will call.")).toEqual(["CONT-01"]);
  });

  it("wants the full disclosure in an initial communication and a validation notice", () => {
    for (const kind of ["initial_communication", "validation_notice"] as const) {
      expect(letter(FROM_COLLECTOR, { kind }), kind).toEqual(["CONT-01"]);
      expect(letter(MINI_MIRANDA, { kind }), kind).toEqual([]);
      expect(
        letter(
          "This is an attempt to collect a debt by a debt collector, and any information obtained will be used for that purpose.",
          { kind },
        ),
      ).toEqual([]);
      expect(letter("We are attempting to collect a debt.", { kind })).toEqual(["CONT-01"]);
    }
  });

  it("wants it in the first written communication after an oral initial one, but not in a text", () => {
    const first = { stage: "send" as const, firstWritten: true };
    for (const channel of ["letter", "email", "portal_message"] as const) {
      const findings = lint({ channel, text: `${FROM_COLLECTOR} Unsubscribe: {{unsubscribe_url}}` }, first);
      expect(rulesOf(findings), channel).toEqual(["CONT-01"]);
      expect(findings[0]!.message).toContain("first written communication");
    }
    expect(lint({ channel: "sms", text: `${FROM_COLLECTOR} Reply STOP to opt out.` }, first)).toEqual([]);
  });

  it("does not apply to limited-content messages, opt-out confirmations or cease responses", () => {
    expect(letter("We have stopped collecting this account.", { kind: "cease_response" })).toEqual([]);
    expect(
      rulesOf(lint({ channel: "sms", kind: "opt_out_confirmation", text: "You will no longer receive texts." })),
    ).toEqual([]);
  });

  it("applies to an ordinary voicemail", () => {
    expect(rulesOf(lint({ channel: "voicemail", text: "Please call ACME at 1-800-555-1212." }))).toEqual(["CONT-01"]);
  });
});

describe("CONT-02: the disclosure in the message's language", () => {
  it("accepts the Spanish disclosure with or without accents", () => {
    for (const text of [
      "Esta comunicación es de un cobrador de deudas.",
      "Esta comunicacion es de un cobrador de deudas.",
      "Somos un cobrador de deudas.",
    ])
      expect(letter(text, { language: "es" }), text).toEqual([]);
    for (const text of [MINI_MIRANDA_ES, MINI_MIRANDA_ES.normalize("NFD").replace(/[\u0300-\u036f]/g, "")])
      expect(letter(text, { language: "es", kind: "initial_communication" }), text).toEqual([]);
  });

  it("blocks a Spanish message whose disclosure is only in English, and the reverse", () => {
    const findings = lint({ channel: "letter", language: "es", text: `${FROM_COLLECTOR} Su saldo es de $120.00.` });
    expect(rulesOf(findings)).toEqual(["CONT-02"]);
    expect(findings[0]!.message).toContain("Esta comunicación es de un cobrador de deudas.");
    expect(letter(MINI_MIRANDA, { language: "es", kind: "validation_notice" })).toEqual(["CONT-02"]);
    expect(letter("Esta comunicación es de un cobrador de deudas.", { language: "en" })).toEqual(["CONT-02"]);
  });

  it("accepts a bilingual message and reports a Spanish message with no disclosure as missing (CONT-01)", () => {
    expect(letter(`${MINI_MIRANDA_ES} ${MINI_MIRANDA}`, { language: "es", kind: "initial_communication" })).toEqual([]);
    expect(letter("Su saldo es de $120.00.", { language: "es" })).toEqual(["CONT-01"]);
    // The full form only in English where it is needed: the Spanish short form is not enough.
    expect(
      letter(`Esta comunicación es de un cobrador de deudas. ${MINI_MIRANDA}`, {
        language: "es",
        kind: "initial_communication",
      }),
    ).toEqual(["CONT-02"]);
  });
});
