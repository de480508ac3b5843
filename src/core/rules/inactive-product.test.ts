import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates.ts";
import type { ProductActivity } from "../model.ts";
import { type Finding, SEVERITY_RANK } from "../task.ts";
import { activity, ctx, facts, NOW, only, TODAY } from "../test-fixtures.ts";
import { inactiveProduct } from "./inactive-product.ts";

/** Mid-morning in Stockholm, `days` calendar days before today (2026-03-10). */
function daysAgo(days: number): string {
  return `${addDays(TODAY, -days)}T09:00:00.000Z`;
}

function evaluate(records: readonly ProductActivity[], now = NOW, timeZone?: string): Finding[] {
  return inactiveProduct.evaluate(facts({ partnership: "mssp", activity: records }), ctx(now, timeZone));
}

function lastUsed(days: number): Finding[] {
  return evaluate([activity("DA", { enabledAt: daysAgo(400), lastUsedAt: daysAgo(days) })]);
}

describe("inactive product thresholds", () => {
  it("R-INACTIVE-2 7 days inactive raises nothing", () => {
    expect(lastUsed(7)).toEqual([]);
  });

  it("R-INACTIVE-2 8 days inactive is low", () => {
    const f = only(lastUsed(8));
    expect(f.severity).toBe("low");
    expect(f.ruleId).toBe("R-INACTIVE-2");
    expect(f.details).toMatchObject({ daysInactive: 8 });
  });

  it("R-INACTIVE-2 14 days inactive is still low", () => {
    expect(only(lastUsed(14)).severity).toBe("low");
  });

  it("R-INACTIVE-3 15 days inactive is medium", () => {
    const f = only(lastUsed(15));
    expect(f.severity).toBe("medium");
    expect(f.ruleId).toBe("R-INACTIVE-3");
  });

  it("R-INACTIVE-3 30 days inactive is still medium", () => {
    expect(only(lastUsed(30)).severity).toBe("medium");
  });

  it("R-INACTIVE-4 31 days inactive is high", () => {
    const f = only(lastUsed(31));
    expect(f.severity).toBe("high");
    expect(f.ruleId).toBe("R-INACTIVE-4");
    expect(f.details).toMatchObject({ daysInactive: 31 });
  });

  it("R-INACTIVE-2 used today or yesterday raises nothing", () => {
    expect(lastUsed(0)).toEqual([]);
    expect(lastUsed(1)).toEqual([]);
  });
});

describe("inactive product: where the count starts", () => {
  it("R-INACTIVE-1 a product never used counts from the date it was enabled", () => {
    const f = only(evaluate([activity("PAT", { enabledAt: daysAgo(20), lastUsedAt: null })]));
    expect(f.severity).toBe("medium");
    expect(f.details).toEqual({
      product: "PAT",
      productName: "Phishing Simulation & Awareness Training",
      lastUsedAt: null,
      daysInactive: 20,
    });
    expect(f.title).toBe(
      "Phishing Simulation & Awareness Training never used in 20 days since it was enabled",
    );
  });

  it("R-INACTIVE-1 a product enabled 7 days ago and never used raises nothing yet", () => {
    expect(evaluate([activity("PAT", { enabledAt: daysAgo(7) })])).toEqual([]);
  });

  it("R-INACTIVE-1 the last use wins over the enabling date", () => {
    expect(evaluate([activity("DA", { enabledAt: daysAgo(300), lastUsedAt: daysAgo(2) })])).toEqual([]);
  });

  it("R-INACTIVE-1 last use without an enabling date still counts", () => {
    expect(only(evaluate([activity("DA", { enabledAt: null, lastUsedAt: daysAgo(9) })])).severity).toBe(
      "low",
    );
  });

  it("R-INACTIVE-1 with neither date there is no task", () => {
    expect(evaluate([activity("DA", { enabledAt: null, lastUsedAt: null })])).toEqual([]);
  });

  it("R-INACTIVE-1 each product is its own task and reports its last use", () => {
    const found = evaluate([
      activity("DA", { lastUsedAt: daysAgo(40) }),
      activity("CS", { lastUsedAt: daysAgo(3) }),
      activity("SNS", { lastUsedAt: daysAgo(10) }),
    ]);
    expect(found.map((f) => [f.subject, f.severity])).toEqual([
      ["DA", "high"],
      ["SNS", "low"],
    ]);
    expect(found[0]?.details).toMatchObject({ lastUsedAt: daysAgo(40) });
    expect(found[0]?.fingerprint).toBe("inactive-product/c1/DA");
    expect(found[0]?.title).toBe("Device Agent unused for 40 days");
  });

  it("R-INACTIVE-1 a last use later than now raises nothing", () => {
    expect(evaluate([activity("DA", { lastUsedAt: "2026-03-20T09:00:00.000Z" })])).toEqual([]);
  });

  it("R-INACTIVE-1 days are counted between Stockholm dates: 23:30 UTC is the next day there", () => {
    // Last used 2026-03-02 23:30 UTC = 3 March 00:30 in Stockholm: 7 days before 10 March there, 8 in UTC.
    const record = activity("DA", { lastUsedAt: "2026-03-02T23:30:00.000Z" });
    expect(evaluate([record], NOW, "Europe/Stockholm")).toEqual([]);
    expect(only(evaluate([record], NOW, "UTC")).details).toMatchObject({ daysInactive: 8 });
  });

  it("R-INACTIVE-1 days are whole calendar days, not 24-hour spans", () => {
    // 8 days earlier at 23:59 local time is still 8 calendar days ago.
    const f = only(evaluate([activity("DA", { lastUsedAt: "2026-03-02T22:59:00.000Z" })]));
    expect(f.details).toMatchObject({ daysInactive: 8 });
  });
});

describe("inactive product properties", () => {
  const rank = (found: Finding[]) => (found.length === 0 ? 0 : SEVERITY_RANK[only(found).severity]);

  it("R-INACTIVE-2/3/4 severity never decreases as days of inactivity grow (no task ranks 0)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 400 }), fc.nat({ max: 400 }), (a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(rank(lastUsed(fewer))).toBeLessThanOrEqual(rank(lastUsed(more)));
      }),
    );
  });

  it("R-INACTIVE-2/3/4 daysInactive is the calendar distance to the last use", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 400 }), (days) => {
        expect(only(lastUsed(days)).details).toMatchObject({ daysInactive: days });
      }),
    );
  });
});
