/** The contract's JSON shape of a task (data-format.md § Command line contract), plus context. */
import type { TaskView } from "../../db/task-list.query.ts";

export function taskJson(task: TaskView) {
  return {
    id: task.id,
    fingerprint: task.fingerprint,
    type: task.type,
    category: task.category,
    severity: task.severity,
    status: task.status,
    partnershipId: task.partnershipId,
    companyId: task.companyId,
    companyName: task.companyName,
    title: task.title,
    details: task.details,
    openedAt: task.openedAt,
    updatedAt: task.updatedAt,
    resolvedAt: task.resolvedAt,
    snoozedUntil: task.snoozedUntil,
    assigneeId: task.assigneeId,
    previousTaskId: task.previousTaskId,
    tab: task.tab,
    highlight: [...task.highlight],
  };
}

export type TaskJson = ReturnType<typeof taskJson>;
