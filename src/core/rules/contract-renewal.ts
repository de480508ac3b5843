/** Contract renewal (spec: tasks.md § 1; docs/rules.md R-RENEWAL-*). */
import { addMonths, daysBetween, localDateOf, wholeMonthsBetween } from "../dates.ts";
import type { Order } from "../model.ts";
import type { Severity } from "../task.ts";
import { defineRule, plural, type Verdict } from "./rule.ts";

export const contractRenewal = defineRule({
  id: "R-RENEWAL",
  type: "contract-renewal",
  category: "commercial",
  tab: "commercial",
  judge(facts, { now, timeZone, settings }) {
    const today = localDateOf(now, timeZone);
    const s = settings.renewal;
    const verdicts: Verdict[] = [];
    for (const order of facts.orders) {
      if (order.status !== "active") continue; // R-RENEWAL-1
      const daysRemaining = daysBetween(today, order.endDate);
      if (daysRemaining < -s.lapsedAfterDays) continue; // R-RENEWAL-5
      const decided = severityOf(order, today, s);
      if (!decided) continue;
      const expired = order.endDate < today;
      verdicts.push({
        subject: order.orderNumber,
        severity: decided.severity,
        ruleId: decided.ruleId,
        title: titleOf(order.orderNumber, daysRemaining),
        details: {
          orderNumber: order.orderNumber,
          endDate: order.endDate,
          daysRemaining,
          monthsRemaining: wholeMonthsBetween(today, order.endDate),
          expired,
          ...(order.acv !== null ? { acv: order.acv } : {}),
          ...(order.currency !== null ? { currency: order.currency } : {}),
        },
        highlight: [order.orderNumber],
      });
    }
    return verdicts;
  },
});

function severityOf(
  order: Order,
  today: string,
  s: { lowWithinMonths: number; mediumWithinMonths: number; highWithinMonths: number },
): { severity: Severity; ruleId: string } | null {
  if (order.endDate < addMonths(today, s.highWithinMonths))
    return { severity: "high", ruleId: "R-RENEWAL-4" };
  if (order.endDate <= addMonths(today, s.mediumWithinMonths)) {
    return { severity: "medium", ruleId: "R-RENEWAL-3" };
  }
  if (order.endDate <= addMonths(today, s.lowWithinMonths)) return { severity: "low", ruleId: "R-RENEWAL-2" };
  return null;
}

function titleOf(orderNumber: string, daysRemaining: number): string {
  if (daysRemaining > 0) return `Contract ${orderNumber} ends in ${plural(daysRemaining, "day")}`;
  if (daysRemaining === 0) return `Contract ${orderNumber} ends today`;
  const ago = -daysRemaining;
  return `Contract ${orderNumber} ended ${plural(ago, "day")} ago`;
}
