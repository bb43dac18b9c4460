import { describe, expect, it } from "vitest";
import { createTemplateInput, TEMPLATE_CHANNELS } from "../communications.schemas";
import { templateFindings } from "./lint-template";
import { STARTER_TEMPLATES, starterFor } from "./starters";

describe("the starter templates", () => {
  it.each(STARTER_TEMPLATES.map((t) => [`${t.channel} ${t.language} ${t.name}`, t] as const))(
    "%s passes the publish check",
    (_, input) => {
      const t = createTemplateInput.parse(input);
      const blocking = templateFindings({ ...t, subject: t.subject ?? null }).filter((f) => f.severity === "block");
      expect(blocking).toEqual([]);
    },
  );

  it("has one for every channel in both languages, so a new template never starts blank", () => {
    for (const channel of TEMPLATE_CHANNELS)
      for (const language of ["en", "es"] as const) {
        const own = STARTER_TEMPLATES.find((t) => t.channel === channel && t.language === language);
        expect(own, `${channel} ${language}`).toBeDefined();
        expect(starterFor(channel, language).body).toBe(own!.body);
      }
  });
});
