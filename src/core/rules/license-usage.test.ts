import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order, UsageMeasurement } from "../model.ts";
import { type Finding, SEVERITY_RANK } from "../task.ts";
import { ago, ahead, ctx, DAY, facts, HOUR, NOW, only, order, usage } from "../test-fixtures.ts";
import { licenseUsage } from "./license-usage.ts";

/** Usage findings for SNS licensed `licensed` by one running order, with one measurement of `used`. */
function atUsage(licensed: number, used: number): Finding[] {
  return licenseUsage.evaluate(
    facts({ orders: [order("O-1", { lines: { SNS: licensed } })], usage: [usage("SNS", used)] }),
    ctx(),
  );
}

function evaluate(orders: readonly Order[], measurements: readonly UsageMeasurement[], now = NOW): Finding[] {
  return licenseUsage.evaluate(facts({ orders, usage: measurements }), ctx(now));
}

describe("licence usage thresholds (licensed 10000)", () => {
  it("R-USAGE-2 59.99 % raises nothing", () => {
    expect(atUsage(10_000, 5_999)).toEqual([]);
  });

  it("R-USAGE-2 60 % exactly is low", () => {
    const f = only(atUsage(10_000, 6_000));
    expect(f.severity).toBe("low");
    expect(f.ruleId).toBe("R-USAGE-2");
    expect(f.details).toMatchObject({ usagePercent: 60, suggestUpgrade: false });
    expect(f.details).not.toHaveProperty("overBy");
  });

  it("R-USAGE-2 79.99 % is low; compared unrounded although it displays as 80", () => {
    const f = only(atUsage(10_000, 7_999));
    expect(f.severity).toBe("low");
    expect(f.details).toMatchObject({ usagePercent: 80, suggestUpgrade: false });
  });

  it("R-USAGE-3 80 % exactly is medium and suggests an upgrade", () => {
    const f = only(atUsage(10_000, 8_000));
    expect(f.severity).toBe("medium");
    expect(f.ruleId).toBe("R-USAGE-3");
    expect(f.details).toMatchObject({ usagePercent: 80, suggestUpgrade: true });
  });

  it("R-USAGE-3 100 % exactly is medium, with no overBy", () => {
    const f = only(atUsage(10_000, 10_000));
    expect(f.severity).toBe("medium");
    expect(f.details).toMatchObject({ usagePercent: 100, suggestUpgrade: true });
    expect(f.details).not.toHaveProperty("overBy");
  });

  it("R-USAGE-4 100.01 % is high, over by 1, displayed as 100", () => {
    const f = only(atUsage(10_000, 10_001));
    expect(f.severity).toBe("high");
    expect(f.ruleId).toBe("R-USAGE-4");
    expect(f.details).toMatchObject({ usagePercent: 100, suggestUpgrade: true, overBy: 1 });
  });

  it("R-USAGE-4 far over the licence reports how far", () => {
    expect(only(atUsage(10, 25)).details).toMatchObject({ usagePercent: 250, overBy: 15 });
  });

  it("R-USAGE-2 usagePercent is rounded to one decimal", () => {
    expect(only(atUsage(3, 2)).details).toMatchObject({ usagePercent: 66.7 });
    expect(only(atUsage(10_000, 6_044)).details).toMatchObject({ usagePercent: 60.4 });
    expect(only(atUsage(10_000, 6_045)).details).toMatchObject({ usagePercent: 60.5 });
  });

  it("R-USAGE-2 60 % of a small licence is exact, with no floating-point drift", () => {
    expect(only(atUsage(5, 3)).severity).toBe("low");
    expect(only(atUsage(5, 4)).severity).toBe("medium");
  });

  it("R-USAGE-3 details name the product, the quantities and the measurement", () => {
    const f = only(atUsage(10_000, 8_000));
    expect(f.details).toEqual({
      product: "SNS",
      productName: "System & Network Security",
      licensed: 10_000,
      used: 8_000,
      usagePercent: 80,
      suggestUpgrade: true,
      measuredAt: ago(DAY),
    });
    expect(f.subject).toBe("SNS");
    expect(f.fingerprint).toBe("license-usage/c1/SNS");
    expect(f.highlight).toEqual(["SNS"]);
    expect(f.tab).toBe("product-usage");
    expect(f.category).toBe("product-usage");
  });
});

describe("licensed quantity and latest measurement", () => {
  it("R-USAGE-1 sums licences over running orders, ignoring ended, future, cancelled and renewed ones", () => {
    const orders = [
      order("A", { startDate: "2026-01-01", endDate: "2026-12-31", lines: { SNS: 4_000, DA: 50 } }),
      order("B", { startDate: "2025-06-01", endDate: "2026-05-31", lines: { SNS: 6_000 } }),
      order("ended", { startDate: "2025-01-01", endDate: "2026-03-09", lines: { SNS: 90_000 } }),
      order("future", { startDate: "2026-03-11", endDate: "2027-03-10", lines: { SNS: 90_000 } }),
      order("cancelled", { status: "cancelled", lines: { SNS: 90_000 } }),
      order("renewed", { status: "renewed", lines: { SNS: 90_000 } }),
    ];
    const f = only(evaluate(orders, [usage("SNS", 8_000)]));
    expect(f.details).toMatchObject({ licensed: 10_000, used: 8_000, usagePercent: 80 });
    expect(f.severity).toBe("medium");
  });

  it("R-USAGE-1 an order starting today and one ending today both count", () => {
    const orders = [
      order("starts", { startDate: "2026-03-10", endDate: "2027-03-09", lines: { SNS: 50 } }),
      order("ends", { startDate: "2025-03-11", endDate: "2026-03-10", lines: { SNS: 50 } }),
    ];
    expect(only(evaluate(orders, [usage("SNS", 60)])).details).toMatchObject({ licensed: 100 });
  });

  it("R-USAGE-1 the latest measurement wins, whatever its position in the list", () => {
    const orders = [order("A", { lines: { SNS: 100 } })];
    const old = usage("SNS", 95, ago(3 * DAY));
    const latest = usage("SNS", 65, ago(HOUR));
    expect(only(evaluate(orders, [old, latest])).details).toMatchObject({ used: 65 });
    expect(only(evaluate(orders, [latest, old])).details).toMatchObject({ used: 65 });
  });

  it("R-USAGE-1 a measurement taken after now is ignored", () => {
    const orders = [order("A", { lines: { SNS: 100 } })];
    const f = only(evaluate(orders, [usage("SNS", 70, ago(DAY)), usage("SNS", 150, ahead(1))]));
    expect(f.details).toMatchObject({ used: 70, measuredAt: ago(DAY) });
    expect(f.severity).toBe("low");
  });

  it("R-USAGE-1 a measurement taken exactly at now counts", () => {
    const orders = [order("A", { lines: { SNS: 100 } })];
    expect(only(evaluate(orders, [usage("SNS", 70, ago(DAY)), usage("SNS", 90, NOW)])).severity).toBe(
      "medium",
    );
  });

  it("R-USAGE-1 only future measurements means no measurement: nothing", () => {
    expect(evaluate([order("A", { lines: { SNS: 100 } })], [usage("SNS", 150, ahead(HOUR))])).toEqual([]);
  });

  it("R-USAGE-1 usage without any licence raises nothing", () => {
    expect(evaluate([], [usage("SNS", 5_000)])).toEqual([]);
    expect(evaluate([order("A", { lines: { DA: 10 } })], [usage("SNS", 5_000)])).toEqual([]);
  });

  it("R-USAGE-1 a licence without any measurement raises nothing", () => {
    expect(evaluate([order("A", { lines: { SNS: 100 } })], [])).toEqual([]);
  });

  it("R-USAGE-1 a licensed quantity of 0 raises nothing", () => {
    expect(evaluate([order("A", { lines: { SNS: 0 } })], [usage("SNS", 5)])).toEqual([]);
  });

  it("R-USAGE-1 each product is its own task with its own measurement", () => {
    const orders = [order("A", { lines: { SNS: 100, WAS: 10, PAT: 200 } })];
    const found = evaluate(orders, [usage("SNS", 65), usage("WAS", 11), usage("PAT", 20)]);
    expect(found.map((f) => [f.subject, f.severity])).toEqual([
      ["SNS", "low"],
      ["WAS", "high"],
    ]);
  });

  it("R-USAGE-1 licences are counted on today's date in Stockholm (23:30 UTC is tomorrow there)", () => {
    const orders = [order("A", { startDate: "2026-03-10", endDate: "2027-03-09", lines: { SNS: 100 } })];
    const lateEvening = "2026-03-09T23:30:00.000Z";
    const facts1 = facts({ orders, usage: [usage("SNS", 90, ago(HOUR, lateEvening))] });
    expect(only(licenseUsage.evaluate(facts1, ctx(lateEvening, "Europe/Stockholm"))).severity).toBe("medium");
    expect(licenseUsage.evaluate(facts1, ctx(lateEvening, "UTC"))).toEqual([]);
  });
});

describe("licence usage properties", () => {
  const rank = (found: Finding[]) => (found.length === 0 ? 0 : SEVERITY_RANK[only(found).severity]);

  it("R-USAGE-2/3/4 severity never decreases as usage grows (no task ranks 0)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat({ max: 3_000_000 }),
        fc.nat({ max: 3_000_000 }),
        (licensed, a, b) => {
          const [used1, used2] = a <= b ? [a, b] : [b, a];
          expect(rank(atUsage(licensed, used1))).toBeLessThanOrEqual(rank(atUsage(licensed, used2)));
        },
      ),
    );
  });

  it("R-USAGE-2/3/4 severity matches the unrounded percentage bands", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat({ max: 300_000 }), (licensed, used) => {
        // The bands as exact fractions: 60 % = 3/5, 80 % = 4/5, 100 % = 1.
        const expected =
          used > licensed ? 3 : 5 * used >= 4 * licensed ? 2 : 5 * used >= 3 * licensed ? 1 : 0;
        expect(rank(atUsage(licensed, used))).toBe(expected);
      }),
    );
  });
});
