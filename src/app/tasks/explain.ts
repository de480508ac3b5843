/**
 * Why a task exists, in words a partner reads on its detail page: the rule that decided its
 * severity (docs/rules.md), that rule's threshold under the portal's settings, and what the scan
 * observed. Everything comes from the stored rule id and details, so the words match the severity
 * the scan gave, whatever has changed in the data since.
 */
import { addMonths, localDateOf } from "../../core/dates.ts";
import { exhaustiveSwitchError } from "../../core/exhaustive.ts";
import { plural } from "../../core/rules/rule.ts";
import type { RuleSettings } from "../../core/settings.ts";
import type { Task } from "../../core/task.ts";

export interface Explanation {
  readonly ruleId: string;
  readonly rule: string;
  readonly threshold: string;
  readonly observed: string;
  /** The instant of the evaluation the words describe. */
  readonly asOf: string;
}

type Explained = Omit<Explanation, "ruleId" | "asOf">;

export function explainTask(
  task: Pick<Task, "type" | "ruleId" | "details" | "title">,
  asOf: string,
  timeZone: string,
  settings: RuleSettings,
): Explanation {
  const today = localDateOf(asOf, timeZone);
  const d = task.details;
  const explained = ((): Explained | null => {
    switch (task.type) {
      case "contract-renewal":
        return renewal(task.ruleId, d, today, settings.renewal);
      case "license-usage":
        return usage(task.ruleId, d, settings.usage);
      case "inactive-product":
        return inactivity(task.ruleId, d, timeZone, settings.inactivity);
      case "inactive-scanners":
        return task.ruleId === "R-SCANNERS-2" ? scanners(d, settings.scanners.heartbeatMaxHours) : null;
      case "sns-failed-scans":
      case "was-failed-scans":
        return task.ruleId === "R-FAILED-SCANS-2" ? failedScans(d, settings.failedScans.windowDays) : null;
      default:
        return exhaustiveSwitchError(task.type);
    }
  })();
  // A rule id this version no longer knows (a task stored by an older release) still gets its title.
  const words = explained ?? { rule: task.ruleId, threshold: "", observed: task.title };
  return { ruleId: task.ruleId, ...words, asOf };
}

function renewal(
  ruleId: string,
  d: Task["details"],
  today: string,
  s: RuleSettings["renewal"],
): Explained | null {
  const endDate = String(d.endDate);
  const days = Number(d.daysRemaining);
  const observed =
    days > 0
      ? `ends ${endDate}, in ${plural(days, "day")}`
      : days === 0
        ? `ends ${endDate}, today`
        : `ended ${endDate}, ${plural(-days, "day")} ago`;
  const within = (months: number) => plural(months, "month");
  switch (ruleId) {
    case "R-RENEWAL-4":
      return {
        rule: `Contract ends within ${within(s.highWithinMonths)} (or has ended)`,
        threshold: `end date before ${addMonths(today, s.highWithinMonths)}`,
        observed,
      };
    case "R-RENEWAL-3":
      return {
        rule: `Contract ends within ${within(s.mediumWithinMonths)}`,
        threshold: `end date on or before ${addMonths(today, s.mediumWithinMonths)}`,
        observed,
      };
    case "R-RENEWAL-2":
      return {
        rule: `Contract ends within ${within(s.lowWithinMonths)}`,
        threshold: `end date on or before ${addMonths(today, s.lowWithinMonths)}`,
        observed,
      };
    default:
      return null;
  }
}

function usage(ruleId: string, d: Task["details"], s: RuleSettings["usage"]): Explained | null {
  const over = d.overBy === undefined ? "" : `, ${d.overBy} over`;
  const observed = `${d.usagePercent} % (${d.used} of ${d.licensed}${over})`;
  switch (ruleId) {
    case "R-USAGE-2":
      return {
        rule: `Licence usage from ${s.lowPercent} % up to ${s.mediumPercent} %`,
        threshold: `${s.lowPercent} %`,
        observed,
      };
    case "R-USAGE-3":
      return {
        rule: `Licence usage from ${s.mediumPercent} % up to ${s.highAbovePercent} %`,
        threshold: `${s.mediumPercent} %`,
        observed,
      };
    case "R-USAGE-4":
      return {
        rule: `Licence usage above ${s.highAbovePercent} %`,
        threshold: `more than ${s.highAbovePercent} %`,
        observed,
      };
    default:
      return null;
  }
}

function inactivity(
  ruleId: string,
  d: Task["details"],
  timeZone: string,
  s: RuleSettings["inactivity"],
): Explained | null {
  const days = Number(d.daysInactive);
  const lastUsedAt = typeof d.lastUsedAt === "string" ? d.lastUsedAt : null;
  const observed = lastUsedAt
    ? `${d.productName} last used ${localDateOf(lastUsedAt, timeZone)}, ${plural(days, "day")} ago`
    : `${d.productName} never used, enabled ${plural(days, "day")} ago`;
  const afterDays: Readonly<Record<string, number>> = {
    "R-INACTIVE-2": s.lowAfterDays,
    "R-INACTIVE-3": s.mediumAfterDays,
    "R-INACTIVE-4": s.highAfterDays,
  };
  const after = afterDays[ruleId];
  if (after === undefined) return null;
  return {
    rule: `Product unused for more than ${plural(after, "day")}`,
    threshold: `more than ${plural(after, "day")} without use`,
    observed,
  };
}

function scanners(d: Task["details"], heartbeatMaxHours: number): Explained {
  const list = Array.isArray(d.inactiveScanners) ? (d.inactiveScanners as { name?: unknown }[]) : [];
  const names = list.map((s) => String(s.name)).join(", ");
  return {
    rule: `Scanner appliance offline, or silent for more than ${plural(heartbeatMaxHours, "hour")}`,
    threshold: "1 or more inactive appliances",
    observed: `${d.inactiveCount} of ${d.totalCount} inactive${names ? `: ${names}` : ""}`,
  };
}

function failedScans(d: Task["details"], windowDays: number): Explained {
  return {
    rule: `${d.product} scan failed within ${plural(windowDays, "day")} and no later scan of its target succeeded`,
    threshold: "1 or more failed scans",
    observed: `${plural(Number(d.failedScanCount), "failed scan")}, the latest on ${d.scanDate}`,
  };
}
