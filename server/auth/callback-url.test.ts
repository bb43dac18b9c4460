import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths", () => {
    expect(safeCallbackPath("/accounts?bucket=61-90")).toBe("/accounts?bucket=61-90");
    expect(safeCallbackPath(["/audit", "/x"])).toBe("/audit");
  });

  it("refuses anything a browser could resolve to another origin", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "", null, undefined, 42]) {
      expect(safeCallbackPath(bad), String(bad)).toBeUndefined();
    }
  });
});
