import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../core/dates.ts";
import { instant, niceQuantity, shiftDate, shiftMonths } from "./context.ts";

describe("demo date helpers", () => {
  it("agree with the core's calendar arithmetic, month ends and leap days included", () => {
    for (const date of ["2026-01-31", "2024-02-29", "2026-03-31", "2026-12-04", "2027-10-31"]) {
      for (let n = -40; n <= 40; n++) {
        expect(shiftMonths(date, n)).toBe(addMonths(date, n));
        expect(shiftDate(date, n * 11)).toBe(addDays(date, n * 11));
      }
    }
  });

  it("formats instants to the second in UTC, like the vendor's feed", () => {
    expect(instant(Date.parse("2026-12-01T08:30:00Z"))).toBe("2026-12-01T08:30:00Z");
    expect(instant(Date.parse("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31T23:59:59Z");
    expect(instant(Date.parse("1969-12-31T23:00:00Z"))).toBe("1969-12-31T23:00:00Z");
    for (let ms = 1.79e12; ms < 1.8e12; ms += 7_777_777_777) {
      expect(instant(ms)).toBe(`${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`);
    }
  });

  it("rounds quantities the way an order would show them", () => {
    expect(niceQuantity(37)).toBe(35);
    expect(niceQuantity(483)).toBe(480);
    expect(niceQuantity(2361)).toBe(2350);
    expect(niceQuantity(1)).toBe(5);
  });
});
