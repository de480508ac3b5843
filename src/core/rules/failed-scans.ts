/** Failed scans of SNS and WAS (spec: tasks.md § 5 and 6; docs/rules.md R-FAILED-SCANS-*). */
import { instantDaysBefore, localDateOf } from "../dates.ts";
import type { Scan } from "../model.ts";
import { productName, type ScannedProduct } from "../products.ts";
import type { TaskType } from "../task.ts";
import { defineRule, plural, type Rule } from "./rule.ts";

const SUCCESS = new Set(["finished", "finished-with-warning"]);

function failedScansRule(product: ScannedProduct, type: TaskType): Rule {
  return defineRule({
    id: "R-FAILED-SCANS",
    type,
    category: "churn-risk",
    tab: "churn-risk",
    judge(facts, { now, timeZone, settings }) {
      const failed = failedScans(facts.scans, product, now, settings.failedScans.windowDays);
      if (failed.length === 0) return [];
      const latest = failed[0] as Scan;
      return [
        {
          subject: "",
          severity: "high",
          ruleId: "R-FAILED-SCANS-2",
          title: `${plural(failed.length, `failed ${product} scan`)} (${productName(product)})`,
          details: {
            product,
            failedScanCount: failed.length,
            scanDate: localDateOf(latest.startedAt, timeZone),
            failedScans: failed.map((s) => ({ id: s.id, target: s.target, startedAt: s.startedAt })),
          },
          highlight: failed.map((s) => s.id),
        },
      ];
    },
  });
}

/**
 * Scans of `product` with status error that started within the window (after now − windowDays,
 * not after now) and that no later successful scan of the same target superseded. Newest first.
 */
export function failedScans(
  scans: readonly Scan[],
  product: ScannedProduct,
  now: Date,
  windowDays: number,
): Scan[] {
  const nowMs = now.getTime();
  const fromMs = instantDaysBefore(now, windowDays).getTime();
  const ofProduct = scans.filter((s) => s.product === product && Date.parse(s.startedAt) <= nowMs);
  const lastSuccess = new Map<string, number>();
  for (const scan of ofProduct) {
    if (!SUCCESS.has(scan.status)) continue;
    const key = scan.target ?? "";
    const at = Date.parse(scan.startedAt);
    if (at > (lastSuccess.get(key) ?? Number.NEGATIVE_INFINITY)) lastSuccess.set(key, at);
  }
  return ofProduct
    .filter((scan) => {
      if (scan.status !== "error") return false;
      const at = Date.parse(scan.startedAt);
      if (at <= fromMs) return false;
      return at >= (lastSuccess.get(scan.target ?? "") ?? Number.NEGATIVE_INFINITY);
    })
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || a.id.localeCompare(b.id));
}

export const snsFailedScans = failedScansRule("SNS", "sns-failed-scans");
export const wasFailedScans = failedScansRule("WAS", "was-failed-scans");
