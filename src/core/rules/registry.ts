/** The explicit list of rules the engine runs, one per task type. */
import type { TaskType } from "../task.ts";
import { contractRenewal } from "./contract-renewal.ts";
import { snsFailedScans, wasFailedScans } from "./failed-scans.ts";
import { inactiveProduct } from "./inactive-product.ts";
import { inactiveScanners } from "./inactive-scanners.ts";
import { licenseUsage } from "./license-usage.ts";
import type { Rule } from "./rule.ts";

/** Keyed by task type, so a new task type fails to compile until it has a rule. */
const RULES_BY_TYPE: Readonly<Record<TaskType, Rule>> = {
  "contract-renewal": contractRenewal,
  "license-usage": licenseUsage,
  "inactive-product": inactiveProduct,
  "inactive-scanners": inactiveScanners,
  "sns-failed-scans": snsFailedScans,
  "was-failed-scans": wasFailedScans,
};

export const RULES: readonly Rule[] = Object.values(RULES_BY_TYPE);

export function ruleFor(type: TaskType): Rule {
  return RULES_BY_TYPE[type];
}
