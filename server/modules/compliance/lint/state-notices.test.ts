import { describe, expect, it } from "vitest";
import {
  CA_LICENCE,
  CA_TIME_BARRED,
  CA_TIME_BARRED_OBSOLETE,
  FROM_COLLECTOR,
  lint,
  MINI_MIRANDA,
  NY_EXEMPT_INCOME,
  NYC_LANGUAGE_ACCESS,
  REPLY_STOP,
  ROSENTHAL,
  rulesOf,
  UNSUBSCRIBE,
} from "./fixtures";

const CA = { stage: "send" as const, states: ["CA"] };

describe("CA-02: the California licence number in at least 12-point type", () => {
  it("is required in every written or digital message to California consumers", () => {
    expect(rulesOf(lint({ text: `${FROM_COLLECTOR} ${UNSUBSCRIBE}` }, CA))).toEqual(["CA-02"]);
    expect(
      rulesOf(lint({ channel: "sms", text: `ACME: this message is from a debt collector. ${REPLY_STOP}` }, CA)),
    ).toEqual(["CA-02"]);
    expect(rulesOf(lint({ channel: "letter", text: FROM_COLLECTOR }, CA))).toEqual(["CA-02"]);
    expect(rulesOf(lint({ channel: "portal_message", text: `${FROM_COLLECTOR} ${REPLY_STOP}` }, CA))).toEqual([
      "CA-02",
    ]);
    const [finding] = lint({ channel: "letter", text: FROM_COLLECTOR }, CA);
    expect(finding!.message).toContain("{{org.ca_license_number}}");
  });

  it("accepts the usual ways of writing it, and the template variable", () => {
    for (const licence of [
      CA_LICENCE,
      "CA License No. 10012345",
      "California licence #10012345",
      "Lic. 10012-345",
      "California license number: {{org.ca_license_number}}",
      "Licencia de California número 10012345",
    ])
      expect(lint({ channel: "letter", text: `${FROM_COLLECTOR} ${licence}` }, CA), licence).toEqual([]);
    expect(rulesOf(lint({ channel: "letter", text: `${FROM_COLLECTOR} {{org.ca_license_number}}` }, CA))).toEqual([
      "CA-02",
    ]);
  });

  it("is not required for other states, for any state, for voicemails or for locked messages", () => {
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, { states: ["NV"] })).toEqual([]);
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, { states: [] })).toEqual([]);
    expect(lint({ channel: "letter", text: FROM_COLLECTOR })).toEqual([]);
    expect(lint({ channel: "voicemail", text: FROM_COLLECTOR }, CA)).toEqual([]);
    expect(
      lint({ channel: "sms", kind: "opt_out_confirmation", text: "You will no longer receive texts." }, CA),
    ).toEqual([]);
    expect(rulesOf(lint({ channel: "letter", text: FROM_COLLECTOR }, { states: ["ca"] }))).toEqual(["CA-02"]);
  });

  it("blocks an HTML licence number set in type smaller than 12 points, naming the size", () => {
    const email = (licenceHtml: string) =>
      lint(
        {
          text: `${FROM_COLLECTOR} ${CA_LICENCE} ${UNSUBSCRIBE}`,
          html: `<p>${FROM_COLLECTOR}</p>${licenceHtml}<p><a href="{{unsubscribe_url}}">Unsubscribe from these emails</a></p>`,
        },
        CA,
      );
    for (const small of [
      `<p style="font-size:10px">${CA_LICENCE}</p>`,
      `<p style="color:#999; font-size: 9pt">${CA_LICENCE}</p>`,
      `<div style="font-size:12px"><p>${CA_LICENCE}</p></div>`,
      `<div style="font-size:14px"><span style="font-size:0.8em">${CA_LICENCE}</span></div>`,
      `<p><small>${CA_LICENCE}</small></p>`,
      `<font size="2">${CA_LICENCE}</font>`,
      `<p style="font:11px Arial">${CA_LICENCE}</p>`,
      `<p>California license number <span style="font-size:8px">10012345</span></p>`,
    ]) {
      const findings = email(small);
      expect(rulesOf(findings), small).toEqual(["CA-02"]);
      expect(findings[0]!.message, small).toContain("at least 12-point type");
    }
    expect(email(`<p style="font-size:10px">${CA_LICENCE}</p>`)[0]!.message).toContain("7.5pt (10px)");
    for (const big of [
      `<p>${CA_LICENCE}</p>`,
      `<p style="font-size:16px">${CA_LICENCE}</p>`,
      `<p style="font-size:12pt">${CA_LICENCE}</p>`,
      `<div style="font-size:10px"><p style="font-size:1.6em">${CA_LICENCE}</p></div>`,
      `<p style="font-size:10px">Small print.</p><p>${CA_LICENCE}</p>`,
    ])
      expect(email(big), big).toEqual([]);
  });

  it("wants it in the HTML version too", () => {
    const findings = lint(
      {
        text: `${FROM_COLLECTOR} ${CA_LICENCE} ${UNSUBSCRIBE}`,
        html: `<p>${FROM_COLLECTOR}</p><a href="{{unsubscribe_url}}">Unsubscribe</a>`,
      },
      CA,
    );
    expect(rulesOf(findings)).toEqual(["CA-02"]);
    expect(findings[0]!.message).toContain("(missing from the HTML version)");
  });
});

describe("CA-04: the Rosenthal notice in the first written notice", () => {
  const base = `${MINI_MIRANDA} ${CA_LICENCE}`;

  it("is required in the first written letter or email, and in initial communications and validation notices", () => {
    expect(rulesOf(lint({ channel: "letter", text: base }, { ...CA, firstWritten: true }))).toEqual(["CA-04"]);
    expect(rulesOf(lint({ channel: "letter", kind: "initial_communication", text: base }, CA))).toEqual(["CA-04"]);
    expect(rulesOf(lint({ channel: "email", kind: "validation_notice", text: `${base} ${UNSUBSCRIBE}` }, CA))).toEqual([
      "CA-04",
    ]);
    expect(lint({ channel: "letter", kind: "initial_communication", text: `${base} ${ROSENTHAL}` }, CA)).toEqual([]);
  });

  it("is not required in later communications, in texts, or outside California", () => {
    expect(lint({ channel: "letter", text: base }, CA)).toEqual([]);
    expect(lint({ channel: "sms", kind: "initial_communication", text: `${base} ${REPLY_STOP}` }, CA)).toEqual([]);
    expect(lint({ channel: "letter", kind: "initial_communication", text: MINI_MIRANDA }, { states: ["OR"] })).toEqual(
      [],
    );
  });
});

describe("CA-06: the California time-barred notice", () => {
  const context = { ...CA, timeBarred: true, firstWritten: true };
  const base = `${MINI_MIRANDA} ${CA_LICENCE} ${ROSENTHAL}`;

  it("is required in the first written communication about a time-barred debt, in the variant the debt needs", () => {
    expect(rulesOf(lint({ channel: "letter", text: base }, context))).toEqual(["CA-06"]);
    expect(lint({ channel: "letter", text: `${base} ${CA_TIME_BARRED}` }, context)).toEqual([]);
    expect(
      lint({ channel: "letter", text: `${base} ${CA_TIME_BARRED_OBSOLETE}` }, { ...context, pastObsolescence: true }),
    ).toEqual([]);
  });

  it("blocks the wrong variant, saying so", () => {
    const obsolete = lint(
      { channel: "letter", text: `${base} ${CA_TIME_BARRED}` },
      { ...context, pastObsolescence: true },
    );
    expect(rulesOf(obsolete)).toEqual(["CA-06"]);
    expect(obsolete[0]!.message).toContain("wrong credit-reporting sentence");
    expect(rulesOf(lint({ channel: "letter", text: `${base} ${CA_TIME_BARRED_OBSOLETE}` }, context))).toEqual([
      "CA-06",
    ]);
  });

  it("is not required when the debt is not time-barred or this is not the first written communication", () => {
    expect(lint({ channel: "letter", text: base }, { ...context, timeBarred: false })).toEqual([]);
    expect(
      lint({ channel: "letter", text: `${MINI_MIRANDA} ${CA_LICENCE}` }, { ...context, firstWritten: false }),
    ).toEqual([]);
  });
});

describe("NYS-01: New York's exempt-income notice", () => {
  const NY = { stage: "send" as const, states: ["NY"] };

  it("is required in the initial disclosures to New York consumers", () => {
    for (const kind of ["initial_communication", "validation_notice"] as const) {
      expect(rulesOf(lint({ channel: "letter", kind, text: MINI_MIRANDA }, NY)), kind).toEqual(["NYS-01"]);
      expect(lint({ channel: "letter", kind, text: `${MINI_MIRANDA} ${NY_EXEMPT_INCOME}` }, NY), kind).toEqual([]);
    }
    expect(
      lint(
        {
          channel: "letter",
          kind: "initial_communication",
          text: `${MINI_MIRANDA} Social Security and 90% of your wages are exempt.`,
        },
        NY,
      ),
    ).toEqual([]);
    expect(
      lint(
        {
          channel: "letter",
          kind: "initial_communication",
          language: "es",
          text: "Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito. El Seguro Social y el 90% de su salario están exentos.",
        },
        NY,
      ),
    ).toEqual([]);
  });

  it("is not required in later communications, or without all three key items", () => {
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, NY)).toEqual([]);
    expect(
      rulesOf(
        lint(
          { channel: "letter", kind: "initial_communication", text: `${MINI_MIRANDA} Social Security is exempt.` },
          NY,
        ),
      ),
    ).toEqual(["NYS-01"]);
  });
});

describe("NYC-03 / NYC-05: New York City's language-access disclosure", () => {
  it("is required in the initial notice and the validation notice to New York City consumers", () => {
    const nyc = { stage: "send" as const, nyc: true };
    expect(rulesOf(lint({ channel: "letter", kind: "initial_communication", text: MINI_MIRANDA }, nyc))).toEqual([
      "NYC-05",
    ]);
    expect(rulesOf(lint({ channel: "letter", kind: "validation_notice", text: MINI_MIRANDA }, nyc))).toEqual([
      "NYC-03",
    ]);
    expect(
      lint({ channel: "letter", kind: "validation_notice", text: `${MINI_MIRANDA} ${NYC_LANGUAGE_ACCESS}` }, nyc),
    ).toEqual([]);
    expect(
      lint(
        {
          channel: "letter",
          kind: "validation_notice",
          language: "es",
          text: "Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito. Ofrecemos servicios de acceso lingüístico.",
        },
        nyc,
      ),
    ).toEqual([]);
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, nyc)).toEqual([]);
  });
});

describe("TX-01: the Texas time-barred notice", () => {
  const TX = { stage: "send" as const, states: ["TX"], timeBarred: true };

  it("is required in written communications about a time-barred debt", () => {
    const findings = lint({ channel: "letter", text: FROM_COLLECTOR }, TX);
    expect(rulesOf(findings)).toEqual(["TX-01"]);
    expect(
      rulesOf(lint({ channel: "sms", text: `ACME: this message is from a debt collector. ${REPLY_STOP}` }, TX)),
    ).toEqual(["TX-01"]);
    for (const notice of [
      "The law limits how long you can be sued on a debt. Because of the age of your debt, we cannot sue you for it.",
      "This debt is time-barred.",
      "Debido a la antigüedad de su deuda, ACME no puede demandarle.",
    ])
      expect(lint({ channel: "letter", text: `${FROM_COLLECTOR} ${notice}` }, TX), notice).toEqual([]);
  });

  it("is not required when the debt is not time-barred, or in a voicemail", () => {
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, { ...TX, timeBarred: false })).toEqual([]);
    expect(lint({ channel: "letter", text: FROM_COLLECTOR }, { ...TX, timeBarred: "unknown" })).toEqual([]);
    expect(lint({ channel: "voicemail", text: FROM_COLLECTOR }, TX)).toEqual([]);
  });
});
