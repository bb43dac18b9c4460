import { describe, expect, it } from "vitest";
import { lintMessage } from "@/server/modules/compliance/lint";
import { classifyInboundText, optOutConfirmation } from "./keywords";
import { smsSegments } from "./segments";

const OPT_OUT_KEYWORDS = [
  "STOP",
  "STOPALL",
  "STOP ALL",
  "END",
  "QUIT",
  "CANCEL",
  "UNSUBSCRIBE",
  "REVOKE",
  "OPT OUT",
  "OPTOUT",
  "ALTO",
  "PARAR",
  "BASTA",
  "CANCELAR",
  "NO MÁS",
  "BAJA",
];

/** The ways people actually type a one-word reply. */
function variants(keyword: string): string[] {
  const lower = keyword.toLowerCase();
  const title = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [
    keyword,
    lower,
    title,
    ` ${keyword} `,
    `${lower}.`,
    `${keyword}!!`,
    `${keyword} 🙏`,
    `"${lower}"`,
    `${keyword}\n`,
  ];
}

describe("classifyInboundText: opt-out keywords (47 CFR 64.1200(a)(10))", () => {
  it.each(OPT_OUT_KEYWORDS)("%s, however it is typed, is an opt-out keyword", (keyword) => {
    for (const text of variants(keyword)) {
      expect(classifyInboundText(text), JSON.stringify(text)).toEqual({
        kind: "opt_out",
        keyword,
        confidence: "keyword",
      });
    }
  });

  it("reads hyphens, underscores and missing accents as the same keyword", () => {
    for (const [text, keyword] of [
      ["Opt-Out", "OPT OUT"],
      ["opt_out", "OPT OUT"],
      ["no mas", "NO MÁS"],
      ["No más!", "NO MÁS"],
      ["🛑 STOP 🛑", "STOP"],
    ]) {
      expect(classifyInboundText(text!)).toEqual({ kind: "opt_out", keyword, confidence: "keyword" });
    }
  });

  it("accepts a keyword among courtesy words, or repeated, as a phrase", () => {
    for (const [text, keyword] of [
      ["STOP please", "STOP"],
      ["Please stop!", "STOP"],
      ["stop now", "STOP"],
      ["STOP STOP STOP", "STOP"],
      ["ok stop thank you", "STOP"],
      ["Ya basta", "BASTA"],
      ["alto por favor", "ALTO"],
    ]) {
      expect(classifyInboundText(text!)).toEqual({ kind: "opt_out", keyword, confidence: "phrase" });
    }
  });
});

describe("classifyInboundText: plain-language refusals", () => {
  it.each([
    "please stop texting me",
    "Stop texting me",
    "Don't text me",
    "don’t text me again",
    "Do not text me",
    "dont text this number",
    "No more texts",
    "No more text messages please.",
    "Stop messaging me",
    "stop sending me messages",
    "stop the texts",
    "Take me off your list",
    "Remove me from your list",
    "remove my number from your contact list",
    "I already paid, stop texting me!!",
    "Leave me alone",
    "please unsubscribe me",
    "I want to opt out",
    "I revoke my consent",
    "stop calling me",
    "Stop harassing me",
    "no me envíen mensajes",
    "No me envien mas mensajes",
    "no me escriban",
    "Por favor no me llamen ni me manden textos",
    "Dejen de escribirme",
    "deja de enviarme mensajes",
    "no más mensajes",
    "quiero darme de baja",
    "déjenme en paz",
  ])("%s", (text) => {
    const result = classifyInboundText(text);
    expect(result.kind).toBe("opt_out");
    expect(result.confidence).toBe("phrase");
    expect(result.keyword).toBeTruthy();
  });
});

describe("classifyInboundText: messages that only mention a keyword", () => {
  it.each([
    "I will stop by the office tomorrow",
    "don't stop the payment plan",
    "Please don't cancel my payment plan",
    "I need to cancel my payment for Friday",
    "Can I pay at the end of the month?",
    "My husband quit his job so I can pay less",
    "What is the balance?",
    "Yes I can pay $50",
    "Help me understand this debt",
    "Start the plan next week",
    "",
    "   ",
    "🙏",
    "Voy a pagar el fin de mes",
    "No puedo pagar más de 50",
    "No me envían el estado de cuenta",
    "Ustedes no me escriben nunca",
  ])("%j is an ordinary message", (text) => {
    expect(classifyInboundText(text)).toEqual({ kind: "message", confidence: "none" });
  });
});

describe("classifyInboundText: opt-in and help", () => {
  it.each(["START", "UNSTOP", "YES"])("%s, as the whole message, is an opt-in", (keyword) => {
    for (const text of variants(keyword)) {
      expect(classifyInboundText(text)).toEqual({ kind: "opt_in", keyword, confidence: "keyword" });
    }
  });

  it.each(["HELP", "INFO", "AYUDA"])("%s, as the whole message, asks for help", (keyword) => {
    for (const text of variants(keyword)) {
      expect(classifyInboundText(text)).toEqual({ kind: "help", keyword, confidence: "keyword" });
    }
  });

  it("never takes an opt-in or help keyword out of a longer message", () => {
    expect(classifyInboundText("yes please").kind).toBe("message");
    expect(classifyInboundText("start over").kind).toBe("message");
    expect(classifyInboundText("I need info on my account").kind).toBe("message");
  });

  it("an opt-out wins over anything else in the same message", () => {
    expect(classifyInboundText("Help! Stop texting me").kind).toBe("opt_out");
    expect(classifyInboundText("yes, remove me from your list").kind).toBe("opt_out");
  });
});

describe("optOutConfirmation (47 CFR 64.1200(a)(12), Reg F 1006.14(h)(2)(i))", () => {
  it("only confirms the opt-out, in English and in Spanish", () => {
    expect(optOutConfirmation("ACME Recovery", "en")).toBe(
      "ACME Recovery: You will no longer receive text messages from us at this number.",
    );
    expect(optOutConfirmation("ACME Recovery", "es")).toBe(
      "ACME Recovery: No volverá a recibir mensajes de texto de nuestra parte en este número.",
    );
  });

  it("passes the compliance lint for an opt-out confirmation", () => {
    for (const language of ["en", "es"] as const) {
      const text = optOutConfirmation("ACME Recovery", language);
      expect(lintMessage({ channel: "sms", kind: "opt_out_confirmation", language, text }, { stage: "send" })).toEqual(
        [],
      );
    }
  });

  it("keeps the name on one line, and leaves the prefix out when there is no name", () => {
    expect(optOutConfirmation("  ACME\n Recovery  ", "en")).toMatch(/^ACME Recovery: You/);
    expect(optOutConfirmation("   ", "en")).toBe("You will no longer receive text messages from us at this number.");
  });

  it("fits the English text in one GSM-7 segment for a name of up to 90 characters", () => {
    expect(smsSegments(optOutConfirmation("A".repeat(90), "en"))).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });
});
