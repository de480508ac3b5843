/**
 * Plans how one company's stored tasks follow its fresh findings (spec: tasks.md § Task lifecycle;
 * docs/rules.md R-LIFECYCLE-*). Pure: ids and the clock come in as arguments.
 */
import { deepEqual } from "./equal.ts";
import { type Finding, SEVERITY_RANK, type Task, type TaskEvent, type TaskStatus } from "./task.ts";

export interface ReconcileInput {
  readonly partnerId: string;
  readonly partnershipId: string;
  /** The company's tasks that are not resolved (open, snoozed or dismissed). */
  readonly active: readonly Task[];
  /** The latest resolved task id per fingerprint, to link a returning condition to its past. */
  readonly lastResolvedIds: ReadonlyMap<string, string>;
  readonly findings: readonly Finding[];
  readonly now: Date;
  readonly newId: () => string;
}

export interface ReconcilePlan {
  readonly opened: Task[];
  /** Tasks whose severity, content or status changed, in their new state. */
  readonly updated: Task[];
  readonly resolved: Task[];
  readonly events: TaskEvent[];
}

export function isEmptyPlan(plan: ReconcilePlan): boolean {
  return plan.opened.length + plan.updated.length + plan.resolved.length + plan.events.length === 0;
}

export function planReconciliation(input: ReconcileInput): ReconcilePlan {
  const at = input.now.toISOString();
  const plan: ReconcilePlan = { opened: [], updated: [], resolved: [], events: [] };
  const byFingerprint = new Map(input.active.map((task) => [task.fingerprint, task]));
  const seen = new Set<string>();

  for (const finding of input.findings) {
    if (seen.has(finding.fingerprint)) continue; // R-LIFECYCLE-7: one task per fingerprint
    seen.add(finding.fingerprint);
    const existing = byFingerprint.get(finding.fingerprint);
    if (existing) followFinding(existing, finding, input.now, plan);
    else openTask(finding, input, at, plan);
  }

  for (const task of input.active) {
    if (seen.has(task.fingerprint)) continue;
    // R-LIFECYCLE-4: the condition cleared (a dismissed or snoozed task resolves too).
    plan.resolved.push({ ...task, status: "resolved", resolvedAt: at, updatedAt: at });
    plan.events.push(event(task.id, at, "resolved", { from: task.status, severity: task.severity }));
  }
  return plan;
}

function openTask(finding: Finding, input: ReconcileInput, at: string, plan: ReconcilePlan): void {
  const previousTaskId = input.lastResolvedIds.get(finding.fingerprint) ?? null;
  const task: Task = {
    ...finding,
    id: input.newId(),
    partnerId: input.partnerId,
    partnershipId: input.partnershipId,
    status: "open",
    snoozedUntil: null,
    assigneeId: null,
    openedAt: at,
    updatedAt: at,
    resolvedAt: null,
    previousTaskId,
  };
  plan.opened.push(task);
  plan.events.push(event(task.id, at, "opened", { severity: task.severity, previousTaskId }));
}

function followFinding(existing: Task, finding: Finding, now: Date, plan: ReconcilePlan): void {
  const at = now.toISOString();
  const rise = SEVERITY_RANK[finding.severity] - SEVERITY_RANK[existing.severity];
  let status: TaskStatus = existing.status;
  let snoozedUntil = existing.snoozedUntil;
  if (rise !== 0) {
    // R-LIFECYCLE-2 / R-LIFECYCLE-3
    plan.events.push(
      event(existing.id, at, rise > 0 ? "escalated" : "de-escalated", {
        from: existing.severity,
        to: finding.severity,
      }),
    );
  }
  const snoozeEnded =
    status === "snoozed" && snoozedUntil !== null && Date.parse(snoozedUntil) <= now.getTime();
  if ((rise > 0 && status !== "open") || snoozeEnded) {
    // R-LIFECYCLE-5: an escalation wakes a snoozed or dismissed task; R-LIFECYCLE-6: a snooze ends.
    plan.events.push(
      event(existing.id, at, "woke", { from: status, reason: rise > 0 ? "escalated" : "snooze-ended" }),
    );
    status = "open";
    snoozedUntil = null;
  }
  const changed =
    rise !== 0 ||
    status !== existing.status ||
    existing.title !== finding.title ||
    existing.ruleId !== finding.ruleId ||
    existing.tab !== finding.tab ||
    !deepEqual(existing.details, finding.details) ||
    !deepEqual(existing.highlight, finding.highlight);
  if (!changed) return; // R-LIFECYCLE-8: same facts, no change
  plan.updated.push({ ...existing, ...finding, id: existing.id, status, snoozedUntil, updatedAt: at });
}

function event(taskId: string, at: string, kind: TaskEvent["kind"], data: TaskEvent["data"]): TaskEvent {
  return { taskId, at, actorId: null, kind, data };
}
