import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addDays,
  dayOfWeek,
  daysBetween,
  federalHolidays,
  isExcludedDay,
  isPlainDate,
  type PlainDate,
} from "./calendar";

/** Dates from 1990 to 2100 as "YYYY-MM-DD", generated without the code under test. */
const plainDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("civil date arithmetic", () => {
  it("adds calendar days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-03-09", 30)).toBe("2026-04-08");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("handles years below 100 without Date.UTC's 1900 offset", () => {
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(daysBetween("0001-01-01", "0001-12-31")).toBe(364);
    expect(dayOfWeek("0001-01-01")).toBe(1); // proleptic Gregorian 1 Jan 1 AD was a Monday
  });

  it("counts days between dates (b − a)", () => {
    expect(daysBetween("2026-03-02", "2026-04-08")).toBe(37);
    expect(daysBetween("2026-04-08", "2026-03-02")).toBe(-37);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("gives ISO weekdays, Monday = 1 … Sunday = 7", () => {
    expect(dayOfWeek("2026-03-02")).toBe(1);
    expect(dayOfWeek("2026-03-07")).toBe(6);
    expect(dayOfWeek("2026-03-08")).toBe(7);
    expect(dayOfWeek("1970-01-01")).toBe(4);
  });

  it("rejects malformed and impossible dates with a RangeError naming the value", () => {
    for (const bad of [
      "2026-02-30",
      "2027-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-3-2",
      "26-03-02",
      "",
      "2026-03-02T00:00",
    ]) {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => dayOfWeek(bad)).toThrow(bad === "" ? /""/ : bad);
      expect(isPlainDate(bad)).toBe(false);
    }
    expect(() => daysBetween("2026-03-02", "2026-02-30")).toThrow(/2026-02-30/);
    expect(() => isExcludedDay("2026-02-30")).toThrow(RangeError);
    expect(() => addBusinessDays("2026-02-30", 1)).toThrow(/2026-02-30/);
    expect(() => addBusinessDays("2026-02-30", 0)).toThrow(RangeError);
    expect(isPlainDate("2028-02-29")).toBe(true);
  });

  it("rejects non-integer and negative counts", () => {
    expect(() => addDays("2026-03-02", 1.5)).toThrow(RangeError);
    expect(() => addDays("2026-03-02", Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-03-02", -1)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-03-02", 0.5)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Sao_Paulo"]) {
        process.env.TZ = tz;
        expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
        expect(dayOfWeek("2026-11-01")).toBe(7);
        expect(addBusinessDays("2026-03-02", 5)).toBe("2026-03-09");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("agrees with an independent weekday computation and round-trips (property)", () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -20_000, max: 20_000 }), (d, n) => {
        const [y, m, day] = d.split("-").map(Number) as [number, number, number];
        expect(dayOfWeek(d)).toBe(((new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7) + 1);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });
});

const holidaysOf = (year: number) => federalHolidays(year).map((h) => [h.date, h.observed ?? null]);

describe("federalHolidays (5 U.S.C. 6103)", () => {
  it("lists the eleven legal public holidays of 2026 with their observed dates", () => {
    expect(holidaysOf(2026)).toEqual([
      ["2026-01-01", null],
      ["2026-01-19", null],
      ["2026-02-16", null],
      ["2026-05-25", null],
      ["2026-06-19", null],
      ["2026-07-04", "2026-07-03"], // Saturday → Friday before
      ["2026-09-07", null],
      ["2026-10-12", null],
      ["2026-11-11", null],
      ["2026-11-26", null],
      ["2026-12-25", null],
    ]);
  });

  it("lists 2027, where three holidays fall on a weekend", () => {
    expect(holidaysOf(2027)).toEqual([
      ["2027-01-01", null],
      ["2027-01-18", null],
      ["2027-02-15", null],
      ["2027-05-31", null],
      ["2027-06-19", "2027-06-18"], // Saturday → Friday before
      ["2027-07-04", "2027-07-05"], // Sunday → Monday after
      ["2027-09-06", null],
      ["2027-10-11", null],
      ["2027-11-11", null],
      ["2027-11-25", null],
      ["2027-12-25", "2027-12-24"], // Saturday → Friday before
    ]);
  });

  it("uses the statutory names", () => {
    expect(federalHolidays(2026).map((h) => h.name)).toEqual([
      "New Year's Day",
      "Birthday of Martin Luther King, Jr.",
      "Washington's Birthday",
      "Memorial Day",
      "Juneteenth National Independence Day",
      "Independence Day",
      "Labor Day",
      "Columbus Day",
      "Veterans Day",
      "Thanksgiving Day",
      "Christmas Day",
    ]);
  });

  it("observes a Saturday New Year's Day on 31 December of the year before", () => {
    expect(federalHolidays(2022)[0]).toEqual({ date: "2022-01-01", name: "New Year's Day", observed: "2021-12-31" });
    expect(federalHolidays(2028)[0]?.observed).toBe("2027-12-31");
  });

  it("observes a Sunday holiday on the Monday after", () => {
    expect(federalHolidays(2023)[0]).toEqual({ date: "2023-01-01", name: "New Year's Day", observed: "2023-01-02" });
    expect(federalHolidays(2022).find((h) => h.name === "Christmas Day")?.observed).toBe("2022-12-26");
  });

  it("has Juneteenth only from 2021, when it became a legal public holiday", () => {
    expect(federalHolidays(2020).map((h) => h.name)).not.toContain("Juneteenth National Independence Day");
    expect(federalHolidays(2020)).toHaveLength(10);
    expect(federalHolidays(2021).find((h) => h.name.startsWith("Juneteenth"))).toEqual({
      date: "2021-06-19",
      name: "Juneteenth National Independence Day",
      observed: "2021-06-18",
    });
  });

  it("puts every floating holiday on its weekday and every observed date on a weekday (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2200 }), (year) => {
        const hs = federalHolidays(year);
        expect(hs).toHaveLength(11);
        const weekdayOf = (name: string) => dayOfWeek(hs.find((h) => h.name === name)!.date);
        for (const name of [
          "Birthday of Martin Luther King, Jr.",
          "Washington's Birthday",
          "Memorial Day",
          "Labor Day",
          "Columbus Day",
        ])
          expect(weekdayOf(name)).toBe(1);
        expect(weekdayOf("Thanksgiving Day")).toBe(4);
        for (const h of hs) {
          if (h.observed === undefined) expect(dayOfWeek(h.date)).toBeLessThan(6);
          else expect(dayOfWeek(h.observed)).toBeLessThan(6);
        }
      }),
    );
  });

  it("rejects years outside 1–9999 and fractional years", () => {
    expect(() => federalHolidays(0)).toThrow(RangeError);
    expect(() => federalHolidays(10_000)).toThrow(RangeError);
    expect(() => federalHolidays(2026.5)).toThrow(RangeError);
  });
});

describe("isExcludedDay (DD-7)", () => {
  it("excludes weekends", () => {
    expect(isExcludedDay("2026-03-07")).toBe(true);
    expect(isExcludedDay("2026-03-08")).toBe(true);
    expect(isExcludedDay("2026-03-09")).toBe(false);
  });

  it("excludes holidays and their observed dates", () => {
    expect(isExcludedDay("2026-11-26")).toBe(true); // Thanksgiving
    expect(isExcludedDay("2026-07-03")).toBe(true); // Independence Day observed
    expect(isExcludedDay("2027-12-24")).toBe(true); // Christmas observed
    expect(isExcludedDay("2027-07-05")).toBe(true); // Independence Day observed
    expect(isExcludedDay("2027-06-18")).toBe(true); // Juneteenth observed
    expect(isExcludedDay("2026-11-27")).toBe(false); // the day after Thanksgiving is a working day
  });

  it("excludes 31 December when next year's New Year's Day is a Saturday", () => {
    expect(isExcludedDay("2021-12-31")).toBe(true);
    expect(isExcludedDay("2027-12-31")).toBe(true);
    expect(isExcludedDay("2026-12-31")).toBe(false); // 1 Jan 2027 is a Friday
  });

  it("excludes exactly the weekends, holidays and observed dates (property)", () => {
    fc.assert(
      fc.property(plainDate, (d) => {
        const year = Number(d.slice(0, 4));
        const listed = [...federalHolidays(year), ...federalHolidays(year + 1)].flatMap((h) => [h.date, h.observed]);
        expect(isExcludedDay(d)).toBe(dayOfWeek(d) >= 6 || listed.includes(d));
      }),
    );
  });
});

describe("addBusinessDays", () => {
  it("returns the date itself for n = 0, even on an excluded day", () => {
    expect(addBusinessDays("2026-03-07", 0)).toBe("2026-03-07");
  });

  it("skips weekends", () => {
    expect(addBusinessDays("2026-03-02", 5)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-07", 1)).toBe("2026-03-09");
  });

  it("skips Thanksgiving", () => {
    // Mon 23 Nov 2026: Tue, Wed, (Thanksgiving), Fri, (weekend), Mon, Tue.
    expect(addBusinessDays("2026-11-23", 5)).toBe("2026-12-01");
  });

  it("skips Christmas and New Year's Day observed on the Friday before", () => {
    // Tue 21 Dec 2027: Wed, Thu, (Fri 24 observed), (weekend), Mon, Tue, Wed.
    expect(addBusinessDays("2027-12-21", 5)).toBe("2027-12-29");
    // Wed 29 Dec 2027: Thu 30, (Fri 31 observed for Sat 1 Jan 2028), (weekend), Mon 3 … Thu 6.
    expect(addBusinessDays("2027-12-29", 5)).toBe("2028-01-06");
  });

  const start = plainDate;
  const count = fc.integer({ min: 1, max: 60 });

  it("never lands on an excluded day for n ≥ 1 (property)", () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(isExcludedDay(addBusinessDays(d, n))).toBe(false);
      }),
    );
  });

  it("is strictly increasing in n (property)", () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 59 }), (d, n) => {
        expect(daysBetween(addBusinessDays(d, n), addBusinessDays(d, n + 1))).toBeGreaterThan(0);
      }),
    );
  });

  it("is composable: n + m business days is m after n (property)", () => {
    fc.assert(
      fc.property(start, count, count, (d, n, m) => {
        expect(addBusinessDays(addBusinessDays(d, n), m)).toBe(addBusinessDays(d, n + m));
      }),
    );
  });

  it("counts exactly n non-excluded days in between (property)", () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 30 }), (d, n) => {
        const end = addBusinessDays(d, n);
        let counted = 0;
        for (let day: PlainDate = addDays(d, 1); daysBetween(day, end) >= 0; day = addDays(day, 1))
          if (!isExcludedDay(day)) counted++;
        expect(counted).toBe(n);
      }),
    );
  });
});
