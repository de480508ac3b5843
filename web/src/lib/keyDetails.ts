/** The few facts that explain a task at a glance in the list, per task type (spec: tasks.md). */
import { exhaustiveSwitchError } from "../../../src/core/exhaustive.ts";
import type { Task } from "../api/types.ts";
import { formatDate, formatMoney, formatNumber, formatPercent, plural } from "./format.ts";

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** Short phrases, most important first, e.g. ["16 days left", "ends 20 Dec 2026"]. */
export function keyDetails(task: Pick<Task, "type" | "details">): string[] {
  const d = task.details;
  switch (task.type) {
    case "contract-renewal": {
      const days = num(d.daysRemaining);
      const acv = num(d.acv);
      const currency = text(d.currency);
      return compact([
        days === null ? null : days < 0 ? `ended ${plural(-days, "day")} ago` : `${plural(days, "day")} left`,
        text(d.endDate) ? `ends ${formatDate(text(d.endDate))}` : null,
        acv !== null && currency ? `ACV ${formatMoney(acv, currency)}` : null,
      ]);
    }
    case "license-usage": {
      const percent = num(d.usagePercent);
      const used = num(d.used);
      const licensed = num(d.licensed);
      const overBy = num(d.overBy);
      return compact([
        percent === null ? null : `${formatPercent(percent)} used`,
        used !== null && licensed !== null ? `${formatNumber(used)} of ${formatNumber(licensed)}` : null,
        overBy ? `${formatNumber(overBy)} over` : null,
      ]);
    }
    case "inactive-product": {
      const days = num(d.daysInactive);
      return compact([
        days === null ? null : `${plural(days, "day")} inactive`,
        d.lastUsedAt === null
          ? "never used"
          : text(d.lastUsedAt)
            ? `last used ${formatDate(text(d.lastUsedAt))}`
            : null,
      ]);
    }
    case "inactive-scanners": {
      const inactive = num(d.inactiveCount);
      const total = num(d.totalCount);
      return compact([
        inactive === null
          ? null
          : total === null
            ? `${plural(inactive, "scanner")} inactive`
            : `${formatNumber(inactive)} of ${plural(total, "scanner")} inactive`,
      ]);
    }
    case "sns-failed-scans":
    case "was-failed-scans": {
      const failed = num(d.failedScanCount);
      return compact([
        failed === null ? null : `${plural(failed, "failed scan")}`,
        text(d.scanDate) ? `latest ${formatDate(text(d.scanDate))}` : null,
      ]);
    }
    default:
      return exhaustiveSwitchError(task.type);
  }
}

function compact(items: readonly (string | null)[]): string[] {
  return items.filter((item): item is string => item !== null);
}
