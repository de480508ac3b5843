/** Licence usage (spec: tasks.md § 2; docs/rules.md R-USAGE-*). */
import { localDateOf } from "../dates.ts";
import type { CompanyFacts, UsageMeasurement } from "../model.ts";
import { type ProductCode, productName } from "../products.ts";
import type { RuleSettings } from "../settings.ts";
import type { Severity } from "../task.ts";
import { defineRule, type Verdict } from "./rule.ts";

export const licenseUsage = defineRule({
  id: "R-USAGE",
  type: "license-usage",
  category: "product-usage",
  tab: "product-usage",
  judge(facts, { now, timeZone, settings }) {
    const licensed = licensedQuantities(facts, localDateOf(now, timeZone));
    const latest = latestUsage(facts.usage, now);
    const verdicts: Verdict[] = [];
    for (const [product, quantity] of licensed) {
      const measurement = latest.get(product);
      if (!measurement || quantity <= 0) continue; // R-USAGE-1
      const decided = severityOf(measurement.used, quantity, settings.usage);
      if (!decided) continue;
      const used = measurement.used;
      const usagePercent = Math.round((used / quantity) * 1000) / 10;
      const over = used > quantity;
      verdicts.push({
        subject: product,
        severity: decided.severity,
        ruleId: decided.ruleId,
        title: `${productName(product)} licence at ${usagePercent} % (${used} of ${quantity})`,
        details: {
          product,
          productName: productName(product),
          licensed: quantity,
          used,
          usagePercent,
          suggestUpgrade: used * 100 >= quantity * settings.usage.mediumPercent,
          ...(over ? { overBy: used - quantity } : {}),
          measuredAt: measurement.measuredAt,
        },
        highlight: [product],
      });
    }
    return verdicts;
  },
});

/** Sum of line quantities per product over active orders running today (start ≤ today ≤ end). */
export function licensedQuantities(facts: CompanyFacts, today: string): Map<ProductCode, number> {
  const licensed = new Map<ProductCode, number>();
  for (const order of facts.orders) {
    if (order.status !== "active" || order.startDate > today || order.endDate < today) continue;
    for (const line of order.lines) {
      licensed.set(line.product, (licensed.get(line.product) ?? 0) + line.quantity);
    }
  }
  return licensed;
}

/** The latest measurement per product taken at or before `now`. */
export function latestUsage(
  usage: readonly UsageMeasurement[],
  now: Date,
): Map<ProductCode, UsageMeasurement> {
  const nowMs = now.getTime();
  const latest = new Map<ProductCode, UsageMeasurement>();
  for (const m of usage) {
    const at = Date.parse(m.measuredAt);
    if (at > nowMs) continue;
    const current = latest.get(m.product);
    if (!current || at > Date.parse(current.measuredAt)) latest.set(m.product, m);
  }
  return latest;
}

/** Compared unrounded, in integers-times-100 so 60 % is exactly 60 % (no floating-point drift). */
function severityOf(
  used: number,
  licensed: number,
  s: RuleSettings["usage"],
): { severity: Severity; ruleId: string } | null {
  const scaled = used * 100;
  if (scaled > licensed * s.highAbovePercent) return { severity: "high", ruleId: "R-USAGE-4" };
  if (scaled >= licensed * s.mediumPercent) return { severity: "medium", ruleId: "R-USAGE-3" };
  if (scaled >= licensed * s.lowPercent) return { severity: "low", ruleId: "R-USAGE-2" };
  return null;
}
