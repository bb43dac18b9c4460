import { describe, expect, it } from "vitest";
import { LCM_A, LCM_B, lint, rulesOf } from "./fixtures";
import { tokensOf } from "./limited-content";

const lcm = (text: string, context: Parameters<typeof lint>[1] = {}) =>
  lint({ channel: "voicemail", kind: "limited_content", text }, context);

describe("CONT-03: limited-content messages", () => {
  it("passes the CFPB's two examples, at publish and at send, whatever the consumer's state", () => {
    for (const text of [LCM_A, LCM_B]) {
      expect(lcm(text)).toEqual([]);
      expect(
        lcm(text, { stage: "send", states: ["CA", "NY", "TX"], nyc: true, timeBarred: true, firstWritten: true }),
      ).toEqual([]);
    }
  });

  it("refuses a business name that indicates debt collection, and names it", () => {
    const findings = lcm(
      "This is Robin Smith calling from Ficus Debt Collection Services. Please contact me or Jim Johnson at 1-800-555-1212.",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "CONT-03",
      severity: "block",
      excerpt: "This is Robin Smith calling from Ficus Debt Collection Services.",
    });
    expect(findings[0]!.message).toContain('"Ficus Debt Collection Services" indicates debt collection');
    for (const name of [
      "ACME Recovery",
      "Acme Recoveries LLC",
      "Acme Receivables",
      "National Credit Bureau",
      "Cobranzas del Sur",
      "Acme Collectors",
    ])
      expect(rulesOf(lcm(`This is Robin Smith calling from ${name}. Please call me at 1-800-555-1212.`)), name).toEqual(
        ["CONT-03"],
      );
  });

  it("refuses a state-required sentence, quoting it", () => {
    const sentence = "We are required by New York City law to tell you that you may request language access services.";
    const findings = lcm(`${LCM_A} ${sentence}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "CONT-03", excerpt: sentence });
  });

  it("refuses anything beyond the allowed items: amounts, the debt, disclosures, links, closing words", () => {
    for (const extra of [
      "Your balance is $50.",
      "This is about your debt.",
      "This is an attempt to collect a debt.",
      "You can also pay at www.abc.example.",
      "Please call me at 1-800-555-1212 about your account.",
      "Thank you.",
      "It is important.",
    ]) {
      const findings = lcm(`${LCM_A} ${extra}`);
      expect(rulesOf(findings), extra).toEqual(["CONT-03"]);
      expect(findings[0]!.excerpt, extra).toBe(extra);
    }
  });

  it("requires the business name, a request to reply, a person's name and a phone number, saying which are missing", () => {
    const noPhone = lcm("This is Robin Smith calling from ABC, Inc. Please call me back.");
    expect(noPhone).toHaveLength(1);
    expect(noPhone[0]!.message).toContain("lacks a telephone number to reply to");
    expect(lcm("This is Robin Smith. Please call me at 1-800-555-1212.")[0]!.message).toContain(
      "lacks a business name",
    );
    expect(lcm("I'm calling from ABC, Inc. Please call us at 1-800-555-1212.")[0]!.message).toContain(
      "lacks the name of a person to reply to",
    );
    expect(lcm("This is Robin Smith calling from ABC, Inc. My number is 1-800-555-1212.")[0]!.message).toContain(
      "lacks a request to reply",
    );
    // What the refused sentence held still counts: the only finding is the sentence itself.
    expect(
      lcm("This is Robin Smith calling from ABC, Inc. Please call me at 1-800-555-1212 about your balance."),
    ).toHaveLength(1);
  });

  it("accepts template variables in their slots, and refuses variables it cannot place", () => {
    expect(
      lcm(
        "Hello {{debtor.first_name}}, this is {{agent.first_name}} {{agent.last_name}} from {{org.name}}. Please call me back at {{org.phone}}.",
      ),
    ).toEqual([]);
    const balance = lcm(`${LCM_A} Your balance is {{debt.balance}}.`);
    expect(rulesOf(balance)).toEqual(["CONT-03"]);
    const consumerOutsideSalutation = lcm(`${LCM_A} This message is for {{debtor.full_name}}.`);
    expect(rulesOf(consumerOutsideSalutation)).toEqual(["CONT-03"]);
  });

  it("accepts the other allowed items: the salutation, date and time, times to reply, any representative", () => {
    for (const text of [
      "Good morning, Jane. This is Robin Smith calling from ABC, Inc. Please call me back at (800) 555-1212.",
      "Hi, my name is Robin Smith and I'm calling from ABC, Inc. You can reach me at 800.555.1212 ext. 12 between 9 a.m. and 5 p.m. ET, Monday through Friday. You may speak to any of our representatives.",
      "This is Robin Smith with ABC, Inc. Today is 9/1. Please return my call at 1-800-555-1212 or 1-800-555-1313 by Friday.",
      "Robin Smith from ABC, Inc. Please give me a call at 1-800-555-1212 today or tomorrow.",
    ])
      expect(lcm(text), text).toEqual([]);
  });

  it("accepts a Spanish limited-content message", () => {
    expect(
      lcm(
        "Hola, le habla Robin Smith de ABC, Inc. Por favor comuníquese conmigo o con Jim Johnson al 1-800-555-1212, de lunes a viernes de 8:00 a.m. a 6:00 p.m., hora del este.",
      ),
    ).toEqual([]);
    expect(rulesOf(lcm("Hola, le habla Robin Smith de Cobranzas ABC. Llámenos al 1-800-555-1212."))).toEqual([
      "CONT-03",
    ]);
  });

  it("knows a text, an email or a letter is never a limited-content message", () => {
    for (const channel of ["sms", "email", "letter", "portal_message"] as const) {
      const findings = lint({ channel, kind: "limited_content", text: LCM_A });
      expect(findings[0]!.rule, channel).toBe("CONT-03");
      expect(findings[0]!.message, channel).toContain("is never a limited-content message");
    }
  });
});

describe("tokensOf", () => {
  it("reads phone numbers, times and names as the clause grammar expects", () => {
    expect(tokensOf("Hi, this is Robin Smith calling from ABC, Inc.")).toBe(
      " hi , this is ^robin ^smith calling from ^abc , ^inc",
    );
    expect(tokensOf("It is 4:15 p.m. on Wednesday, September 1.")).toBe(" it is §t on §t , §t");
    expect(tokensOf("Call {{agent.first_name}} at {{org.phone}} or 1-800-555-1212.")).toBe(" call §n at §p or §p");
    expect(tokensOf("Your balance is {{debt.balance}}.")).toBe(" your balance is §x");
  });
});
