import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RefTracker, rowFingerprint } from "./ref-tracker";

describe("RefTracker", () => {
  it("finds exactly the repeated references, naming where each was first seen", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { maxLength: 400 }), (refs) => {
        const tracker = new RefTracker();
        const first = new Map<string, number>();
        refs.forEach((ref, i) => {
          const seen = tracker.add(ref, i + 2);
          expect(seen?.line ?? null).toBe(first.get(ref) ?? null);
          if (!first.has(ref)) first.set(ref, i + 2);
        });
        expect(tracker.size).toBe(first.size);
      }),
      { numRuns: 300 },
    );
  });

  it("tells references apart that differ only beyond one byte a character or in length", () => {
    const tracker = new RefTracker();
    for (const ref of ["INV-1", "INV-1 ", "ınv-1", "INV-１", "İNV-1", "INV-10", ""])
      expect(tracker.add(ref, 1)).toBeNull();
    expect(tracker.add("INV-１", 9)).toEqual({ line: 1, sameRow: false });
  });

  it("says when the repeated row is the same row", () => {
    const tracker = new RefTracker();
    const row = ["A1", "Ann", "10.00"];
    tracker.add("A1", 2, rowFingerprint(row));
    expect(tracker.add("A1", 3, rowFingerprint(["A1", "Ann", "10.00", ""]))).toEqual({ line: 2, sameRow: true });
    expect(tracker.add("A1", 4, rowFingerprint(["A1", "Ann", "10.01"]))).toEqual({ line: 2, sameRow: false });
    expect(rowFingerprint(["ab", "c"])).not.toBe(rowFingerprint(["a", "bc"]));
  });

  it("holds a million references in little memory", () => {
    const tracker = new RefTracker();
    for (let i = 0; i < 1_000_000; i++) tracker.add(`ACC-${String(i).padStart(8, "0")}`, i + 2);
    expect(tracker.size).toBe(1_000_000);
    expect(tracker.add("ACC-00123456", 0)).toEqual({ line: 123458, sameRow: false });
    expect(tracker.memoryBytes).toBeLessThan(64 * 1024 * 1024);
  });
});
