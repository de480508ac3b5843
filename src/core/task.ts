/** Tasks, their severities, categories, lifecycle and history (spec: tasks.md). */
import type { Instant, PartnershipType } from "./model.ts";

export const SEVERITIES = ["high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe; used to detect escalation and to sort. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

export const CATEGORIES = ["commercial", "product-usage", "churn-risk"] as const;
export type Category = (typeof CATEGORIES)[number];

export const TASK_TYPES = [
  "contract-renewal",
  "license-usage",
  "inactive-product",
  "inactive-scanners",
  "sns-failed-scans",
  "was-failed-scans",
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ["open", "snoozed", "dismissed", "resolved"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The company page tab that shows a task's cause. */
export const COMPANY_TABS = ["commercial", "product-usage", "churn-risk"] as const;
export type CompanyTab = (typeof COMPANY_TABS)[number];

export type TaskDetails = Readonly<Record<string, unknown>>;

/** What a rule found for one subject of one company, as of one instant. */
export interface Finding {
  readonly fingerprint: string;
  readonly companyId: string;
  readonly type: TaskType;
  /** The order number for renewals, the product code for usage and inactivity, "" otherwise. */
  readonly subject: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly title: string;
  readonly details: TaskDetails;
  /** Where the cause is shown, and the ids of the records to highlight there. */
  readonly tab: CompanyTab;
  readonly highlight: readonly string[];
  /** The rule id of docs/rules.md that decided the severity, e.g. "R-USAGE-3". */
  readonly ruleId: string;
}

/** A stored task: a finding with its lifecycle. */
export interface Task extends Finding {
  readonly id: string;
  readonly partnerId: string;
  readonly partnershipId: string;
  readonly status: TaskStatus;
  readonly snoozedUntil: Instant | null;
  readonly assigneeId: string | null;
  readonly openedAt: Instant;
  readonly updatedAt: Instant;
  readonly resolvedAt: Instant | null;
  /** The resolved task with the same fingerprint that this one follows, if any. */
  readonly previousTaskId: string | null;
}

export const TASK_EVENT_KINDS = [
  "opened",
  "escalated",
  "de-escalated",
  "resolved",
  "woke",
  "snoozed",
  "dismissed",
  "reopened",
  "assigned",
  "commented",
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** One entry of a task's history. `actorId` null means the portal's scan did it. */
export interface TaskEvent {
  readonly taskId: string;
  readonly at: Instant;
  readonly actorId: string | null;
  readonly kind: TaskEventKind;
  readonly data: TaskDetails;
}

/** Partnership kinds a task type applies to (spec: tasks.md, third column). */
export const TASK_TYPE_PARTNERSHIPS: Readonly<Record<TaskType, readonly PartnershipType[]>> = {
  "contract-renewal": ["reseller"],
  "license-usage": ["reseller"],
  "inactive-product": ["mssp"],
  "inactive-scanners": ["reseller", "mssp"],
  "sns-failed-scans": ["reseller", "mssp"],
  "was-failed-scans": ["reseller", "mssp"],
};

/**
 * A task's identity: company, type and subject, never a changing value. Parts are URI-encoded so
 * that ids containing the separator cannot collide.
 */
export function fingerprintOf(companyId: string, type: TaskType, subject: string): string {
  const parts = [type, encodeURIComponent(companyId)];
  if (subject) parts.push(encodeURIComponent(subject));
  return parts.join("/");
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}
