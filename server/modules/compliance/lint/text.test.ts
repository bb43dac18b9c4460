import { describe, expect, it } from "vitest";
import { fold, splitSentences } from "./text";

describe("fold", () => {
  it("drops accents and case and makes quotes, dashes and spaces plain", () => {
    expect(fold("  Información\u00a0OBTENIDA  será — “utilizada” ’ ")).toBe(
      'informacion obtenida sera - "utilizada" \'',
    );
  });
});

describe("splitSentences", () => {
  it("splits on sentence ends and line breaks but not inside times, titles, initials or amounts", () => {
    expect(
      splitSentences(
        "Hi, this is Robin J. Smith calling from ABC, Inc. It is 4:15 p.m. on Wednesday. Call until 6:00 p.m. Eastern time! Your balance is $50.25.\nMr. Jones says hello",
      ),
    ).toEqual([
      "Hi, this is Robin J. Smith calling from ABC, Inc.",
      "It is 4:15 p.m. on Wednesday.",
      "Call until 6:00 p.m. Eastern time!",
      "Your balance is $50.25.",
      "Mr. Jones says hello",
    ]);
  });
});
