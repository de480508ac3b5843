/** Inactive product, MSSP partnerships (spec: tasks.md § 3; docs/rules.md R-INACTIVE-*). */
import { daysBetween, localDateOf } from "../dates.ts";
import { productName } from "../products.ts";
import type { RuleSettings } from "../settings.ts";
import type { Severity } from "../task.ts";
import { defineRule, plural, type Verdict } from "./rule.ts";

export const inactiveProduct = defineRule({
  id: "R-INACTIVE",
  type: "inactive-product",
  category: "product-usage",
  tab: "product-usage",
  judge(facts, { now, timeZone, settings }) {
    const today = localDateOf(now, timeZone);
    const verdicts: Verdict[] = [];
    for (const activity of facts.activity) {
      const since = activity.lastUsedAt ?? activity.enabledAt;
      if (!since) continue; // R-INACTIVE-1
      const daysInactive = daysBetween(localDateOf(since, timeZone), today);
      const decided = severityOf(daysInactive, settings.inactivity);
      if (!decided) continue;
      const name = productName(activity.product);
      verdicts.push({
        subject: activity.product,
        severity: decided.severity,
        ruleId: decided.ruleId,
        title: activity.lastUsedAt
          ? `${name} unused for ${plural(daysInactive, "day")}`
          : `${name} never used in ${plural(daysInactive, "day")} since it was enabled`,
        details: {
          product: activity.product,
          productName: name,
          lastUsedAt: activity.lastUsedAt,
          daysInactive,
        },
        highlight: [activity.product],
      });
    }
    return verdicts;
  },
});

function severityOf(
  days: number,
  s: RuleSettings["inactivity"],
): { severity: Severity; ruleId: string } | null {
  if (days > s.highAfterDays) return { severity: "high", ruleId: "R-INACTIVE-4" };
  if (days > s.mediumAfterDays) return { severity: "medium", ruleId: "R-INACTIVE-3" };
  if (days > s.lowAfterDays) return { severity: "low", ruleId: "R-INACTIVE-2" };
  return null;
}
