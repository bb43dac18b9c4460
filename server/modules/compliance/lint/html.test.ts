import { describe, expect, it } from "vitest";
import { decodeEntities, readHtml, smallestPx } from "./html";

describe("readHtml", () => {
  it("keeps the visible text, with a line per block and the link targets after their labels", () => {
    const { text } = readHtml(
      `<html><head><title>T</title><style>p{color:red}</style></head><body><p>Hello&nbsp;there &amp; welcome</p><!-- note --><script>var x = "<p>no</p>";</script><p><a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>`,
    );
    expect(text).toBe("Hello there & welcome\nUnsubscribe ({{unsubscribe_url}})\n");
  });

  it("records the size each run of text is shown in, inheriting and scaling from the parent", () => {
    const html = `<div style="font-size:20px">A<span style="font-size:50%">B</span><small>C</small></div><p style="font-size:9pt">D</p>E`;
    const { text, runs } = readHtml(html);
    const sizeOf = (ch: string) => smallestPx(runs, text.indexOf(ch), text.indexOf(ch) + 1);
    expect(sizeOf("A")).toBe(20);
    expect(sizeOf("B")).toBe(10);
    expect(sizeOf("C")).toBeCloseTo(16.6);
    expect(sizeOf("D")).toBe(12);
    expect(sizeOf("E")).toBeUndefined();
  });

  it("survives broken markup", () => {
    expect(readHtml("a < b and <p unclosed").text).toBe("a < b and <p unclosed");
    expect(readHtml("<b>bold</i> text</b></p>").text).toBe("bold text\n");
    expect(readHtml("<!-- never closed").text).toBe("");
    expect(readHtml("<a href=x>open link").text).toBe("open link (x)");
    expect(readHtml("<constructor>a</constructor><valueOf style='font-size:8px'>b&constructor;</valueOf>").text).toBe(
      "ab&constructor;",
    );
  });
});

describe("decodeEntities", () => {
  it("decodes named and numeric references and leaves unknown ones alone", () => {
    expect(decodeEntities("&lt;b&gt; &#233; &#xE9; &bogus; &#0;")).toBe("<b> é é &bogus; &#0;");
  });
});
