import { describe, expect, it } from "vitest";
import { canonicalTimeZone, localDate, offsetAt, startOfNextLocalDay, zonedToInstant } from "./zoned-time";

const instant = (date: string, time: string, zone: string) => {
  const r = zonedToInstant(date, time, zone);
  if (!r.ok) throw new Error(r.reason);
  return r.instant.toISOString();
};

describe("wall-clock time in IANA zones", () => {
  it("uses the offset in force on the day, either side of a daylight-saving change", () => {
    expect(instant("2027-03-13", "09:00", "America/Chicago")).toBe("2027-03-13T15:00:00.000Z"); // CST, UTC-6
    expect(instant("2027-03-15", "09:00", "America/Chicago")).toBe("2027-03-15T14:00:00.000Z"); // CDT, UTC-5
    expect(instant("2026-11-30", "14:00", "Europe/London")).toBe("2026-11-30T14:00:00.000Z");
    expect(instant("2026-07-01", "14:00", "Europe/London")).toBe("2026-07-01T13:00:00.000Z");
    // Arizona does not observe daylight saving time.
    expect(instant("2027-07-01", "09:00", "America/Phoenix")).toBe("2027-07-01T16:00:00.000Z");
    expect(instant("2027-01-01", "09:00", "America/Phoenix")).toBe("2027-01-01T16:00:00.000Z");
  });

  it("refuses a time the spring-forward jump skips, or moves it forward when asked", () => {
    expect(zonedToInstant("2027-03-14", "02:30", "America/Chicago")).toEqual({ ok: false, reason: "nonexistent" });
    const later = zonedToInstant("2027-03-14", "02:30", "America/Chicago", "later");
    expect(later.ok && later.instant.toISOString()).toBe("2027-03-14T08:30:00.000Z"); // 03:30 CDT
    expect(instant("2027-03-14", "03:30", "America/Chicago")).toBe("2027-03-14T08:30:00.000Z");
    expect(instant("2027-03-14", "01:59", "America/Chicago")).toBe("2027-03-14T07:59:00.000Z");
  });

  it("takes the earlier of the two instants in the autumn overlap", () => {
    // 01:30 happens twice on 2026-11-01 in New York: first in EDT (05:30Z), then in EST (06:30Z).
    expect(instant("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(instant("2026-11-01", "02:30", "America/New_York")).toBe("2026-11-01T07:30:00.000Z");
  });

  it("refuses unknown zones, fixed offsets and impossible dates", () => {
    expect(canonicalTimeZone("america/chicago")).toBe("America/Chicago");
    expect(canonicalTimeZone("+05:00")).toBeNull();
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(zonedToInstant("2026-02-30", "10:00", "UTC")).toEqual({ ok: false, reason: "invalid_date" });
    expect(zonedToInstant("2026-02-10", "24:00", "UTC")).toEqual({ ok: false, reason: "invalid_time" });
    expect(zonedToInstant("2026-02-10", "10:00", "Nowhere/City")).toEqual({ ok: false, reason: "invalid_zone" });
  });

  it("knows local dates, offsets and where the local day ends", () => {
    const at = new Date("2026-11-25T04:30:00Z");
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-11-24");
    expect(localDate(at, "Asia/Tokyo")).toBe("2026-11-25");
    expect(offsetAt(at, "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(startOfNextLocalDay(at, "America/Los_Angeles").toISOString()).toBe("2026-11-25T08:00:00.000Z");
    // The day of the spring-forward change is 23 hours long.
    expect(startOfNextLocalDay(new Date("2027-03-14T12:00:00Z"), "America/Chicago").toISOString()).toBe(
      "2027-03-15T05:00:00.000Z",
    );
  });
});
