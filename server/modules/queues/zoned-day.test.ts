import { describe, expect, it } from "vitest";
import { agentDay, localDate, safeTimeZone, startOfLocalDay } from "./zoned-day";

describe("zoned day", () => {
  it("finds the local date and the instant the local day began", () => {
    const now = new Date("2026-11-24T15:00:00Z");
    expect(agentDay(now, "America/New_York")).toEqual({
      today: "2026-11-24",
      dayStart: new Date("2026-11-24T05:00:00Z"),
    });
    expect(agentDay(now, "Asia/Tokyo")).toEqual({ today: "2026-11-25", dayStart: new Date("2026-11-24T15:00:00Z") });
    expect(agentDay(new Date("2026-11-25T03:00:00Z"), "America/Los_Angeles")).toEqual({
      today: "2026-11-24",
      dayStart: new Date("2026-11-24T08:00:00Z"),
    });
    expect(agentDay(now, "UTC").dayStart).toEqual(new Date("2026-11-24T00:00:00Z"));
  });

  it("follows daylight saving changes on the day they happen", () => {
    // 2026-03-08: New York springs forward at 02:00; the day still began at 05:00Z (EST).
    expect(startOfLocalDay(new Date("2026-03-08T20:00:00Z"), "America/New_York")).toEqual(
      new Date("2026-03-08T05:00:00Z"),
    );
    // 2026-11-01: falls back at 02:00; the day began at 04:00Z (EDT).
    expect(startOfLocalDay(new Date("2026-11-01T20:00:00Z"), "America/New_York")).toEqual(
      new Date("2026-11-01T04:00:00Z"),
    );
    // Half-hour zones work the same way.
    expect(startOfLocalDay(new Date("2026-11-24T15:00:00Z"), "Asia/Kolkata")).toEqual(new Date("2026-11-23T18:30:00Z"));
  });

  it("handles a zone whose midnight is skipped", () => {
    // America/Santiago springs forward at 00:00 local on 2026-09-06: the day starts at 01:00 (-03).
    const start = startOfLocalDay(new Date("2026-09-06T18:00:00Z"), "America/Santiago");
    expect(localDate(start, "America/Santiago")).toBe("2026-09-06");
    expect(localDate(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(safeTimeZone(null)).toBe("UTC");
  });
});
