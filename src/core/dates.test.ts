import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  hoursSince,
  instantDaysBefore,
  isValidLocalDate,
  isValidTimeZone,
  localDateOf,
  wholeMonthsBetween,
} from "./dates.ts";
import { TZ } from "./test-fixtures.ts";

describe("localDateOf (today is the date in the portal's time zone)", () => {
  it("R-DATES-1 23:30 UTC in winter is already the next day in Europe/Stockholm", () => {
    expect(localDateOf("2026-03-09T23:30:00Z", TZ)).toBe("2026-03-10");
    expect(localDateOf("2026-03-09T23:30:00Z", "UTC")).toBe("2026-03-09");
  });

  it("R-DATES-1 22:30 UTC in summer is the next day in Stockholm (UTC+2), 21:59 is not", () => {
    expect(localDateOf("2026-07-14T22:30:00Z", TZ)).toBe("2026-07-15");
    expect(localDateOf("2026-07-14T21:59:59Z", TZ)).toBe("2026-07-14");
  });

  it("R-DATES-1 follows the zone's offset on both sides of a DST change", () => {
    expect(localDateOf("2026-03-29T22:30:00Z", TZ)).toBe("2026-03-30"); // CEST, +2
    expect(localDateOf("2026-10-25T22:30:00Z", TZ)).toBe("2026-10-25"); // CET, +1
  });

  it("R-DATES-1 accepts a Date as well as an ISO string", () => {
    expect(localDateOf(new Date("2026-03-09T23:30:00Z"), TZ)).toBe("2026-03-10");
  });

  it("R-DATES-1 isValidTimeZone knows IANA zones and rejects others", () => {
    expect(isValidTimeZone("Europe/Stockholm")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("addMonths (calendar months, clamped to the month's last day)", () => {
  it("R-DATES-2 31 January + 1 month is 29 February in a leap year", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("R-DATES-2 31 January + 1 month is 28 February in a non-leap year", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("R-DATES-2 31 August + 6 months is 28 February of the next year", () => {
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
  });

  it("R-DATES-2 clamps to 30-day months and keeps days that exist", () => {
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-03-10", 6)).toBe("2026-09-10");
    expect(addMonths("2026-01-29", 1)).toBe("2026-02-28");
  });

  it("R-DATES-2 crosses year ends forwards and backwards", () => {
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonths("2026-11-15", 12)).toBe("2027-11-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });

  it("R-DATES-2 adding 0 months is the identity", () => {
    expect(addMonths("2026-02-28", 0)).toBe("2026-02-28");
  });
});

describe("daysBetween and addDays (calendar days, DST never moves them)", () => {
  it("R-DATES-3 counts 2 days across the spring-forward night in Stockholm", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("R-DATES-3 counts 2 days across the fall-back night in Stockholm", () => {
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("R-DATES-3 is negative when the second date is earlier, 0 for the same date", () => {
    expect(daysBetween("2026-03-10", "2026-02-08")).toBe(-30);
    expect(daysBetween("2026-03-10", "2026-03-10")).toBe(0);
  });

  it("R-DATES-3 counts across a leap day and a year end", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  it("R-DATES-3 addDays is the inverse of daysBetween", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-10", -30)).toBe("2026-02-08");
    expect(daysBetween("2026-03-10", addDays("2026-03-10", 184))).toBe(184);
  });

  it("R-DATES-3 rejects a string that is not YYYY-MM-DD", () => {
    expect(() => daysBetween("2026-3-1", "2026-03-01")).toThrow(RangeError);
  });
});

describe("wholeMonthsBetween (monthsRemaining)", () => {
  it("R-DATES-2 counts the largest m with from + m months ≤ to", () => {
    expect(wholeMonthsBetween("2026-03-10", "2026-09-10")).toBe(6);
    expect(wholeMonthsBetween("2026-03-10", "2026-09-09")).toBe(5);
    expect(wholeMonthsBetween("2026-03-10", "2026-04-10")).toBe(1);
    expect(wholeMonthsBetween("2026-03-10", "2026-04-09")).toBe(0);
  });

  it("R-DATES-2 is 0 for the same date and for an earlier date", () => {
    expect(wholeMonthsBetween("2026-03-10", "2026-03-10")).toBe(0);
    expect(wholeMonthsBetween("2026-03-10", "2025-01-01")).toBe(0);
  });

  it("R-DATES-2 uses the clamped month end (31 Jan to 28 Feb is one month)", () => {
    expect(wholeMonthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(wholeMonthsBetween("2026-01-31", "2026-02-27")).toBe(0);
  });

  it("R-DATES-2 crosses a year end", () => {
    expect(wholeMonthsBetween("2025-12-15", "2026-01-14")).toBe(0);
    expect(wholeMonthsBetween("2025-12-15", "2026-01-15")).toBe(1);
    expect(wholeMonthsBetween("2025-03-10", "2026-03-10")).toBe(12);
  });
});

describe("isValidLocalDate", () => {
  it("R-DATES-4 accepts real calendar dates, leap days included", () => {
    expect(isValidLocalDate("2026-03-10")).toBe(true);
    expect(isValidLocalDate("2024-02-29")).toBe(true);
    expect(isValidLocalDate("2026-12-31")).toBe(true);
  });

  it("R-DATES-4 rejects dates that do not exist", () => {
    expect(isValidLocalDate("2025-02-29")).toBe(false);
    expect(isValidLocalDate("2026-02-30")).toBe(false);
    expect(isValidLocalDate("2026-04-31")).toBe(false);
    expect(isValidLocalDate("2026-13-01")).toBe(false);
    expect(isValidLocalDate("2026-00-10")).toBe(false);
  });

  it("R-DATES-4 rejects other shapes", () => {
    for (const value of ["", "2026-3-10", "20260310", "2026-03-10T00:00:00Z", "10/03/2026", " 2026-03-10"]) {
      expect(isValidLocalDate(value), value).toBe(false);
    }
  });
});

describe("instant arithmetic", () => {
  it("R-SCANNERS-1 hoursSince is fractional and exact to the millisecond", () => {
    const now = new Date("2026-03-10T10:00:00.000Z");
    expect(hoursSince("2026-03-09T10:00:00.000Z", now)).toBe(24);
    expect(hoursSince("2026-03-09T09:59:59.999Z", now)).toBeGreaterThan(24);
    expect(hoursSince("2026-03-10T09:30:00.000Z", now)).toBe(0.5);
  });

  it("R-FAILED-SCANS-1 instantDaysBefore subtracts whole 24-hour days, across DST too", () => {
    const now = new Date("2026-03-31T10:00:00.000Z");
    expect(instantDaysBefore(now, 7).toISOString()).toBe("2026-03-24T10:00:00.000Z");
  });
});
