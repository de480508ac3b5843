/** A task's detail page: the task, why it exists, its history, its company and its predecessors. */
import type { PartnershipType } from "../../core/model.ts";
import type { TaskEventKind } from "../../core/task.ts";
import { inPartnerScope } from "../../db/scoped.ts";
import { findTaskDetail, lastEvaluationOf, previousTasksOf } from "../../db/task-detail.query.ts";
import { eventsOfTask } from "../../db/task-events.repository.ts";
import { effectiveStatus, type TaskFilter } from "../../db/task-list.query.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { type Explanation, explainTask } from "./explain.ts";
import { type TaskJson, taskJson } from "./task-json.ts";

export interface HistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly kind: TaskEventKind;
  /** null: the portal's scan or a machine token (`data.via`). */
  readonly actor: { readonly id: string; readonly name: string } | null;
  readonly data: Record<string, unknown>;
}

export interface TaskDetail extends TaskJson {
  readonly explanation: Explanation;
  readonly history: HistoryEntry[];
  readonly company: {
    readonly id: string;
    readonly name: string;
    readonly partnershipId: string;
    readonly partnershipName: string;
    readonly partnershipType: PartnershipType;
  };
  readonly assignee: { readonly id: string; readonly name: string } | null;
  readonly previousTasks: {
    readonly id: string;
    readonly openedAt: string;
    readonly resolvedAt: string | null;
  }[];
}

/** Shown for an actor the reader cannot look up: row security hides the vendor's staff from partners. */
const VENDOR_STAFF = "Vendor staff";

/** The tasks a scope may see, whatever their status: the task list's filter without its facets. */
export function visibleTasks(ctx: AppContext, scope: Scope): TaskFilter {
  return {
    partnerId: scope.partnerId ?? undefined,
    visibleCompanyIds: scope.companyIds ?? undefined,
    now: ctx.clock.now().toISOString(),
  };
}

export function taskNotFound(id: string): AppError {
  return new AppError("TASK_NOT_FOUND", `No task with id "${id}"`);
}

/** Another partner's task, or one of a company the caller is not assigned, is simply not found. */
export async function getTaskDetail(ctx: AppContext, scope: Scope, id: string): Promise<TaskDetail> {
  const filter = visibleTasks(ctx, scope);
  const found = await inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const task = await findTaskDetail(trx, id, filter);
    if (!task) return null;
    const [events, previous] = await Promise.all([
      eventsOfTask(trx, task.id, filter.partnerId),
      previousTasksOf(trx, task.previousTaskId, filter),
    ]);
    return { task, events, previous };
  });
  if (!found) throw taskNotFound(id);
  const { task, events, previous } = found;
  // A resolved task was last judged by the scan that resolved it.
  const asOf = task.resolvedAt ?? (await lastEvaluationOf(ctx.db, task.companyId)) ?? task.updatedAt;
  return {
    ...taskJson({ ...task, status: effectiveStatus(task, filter.now) }),
    explanation: explainTask(task, asOf, ctx.timeZone, ctx.settings),
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actor: e.actorId === null ? null : { id: e.actorId, name: e.actorName ?? VENDOR_STAFF },
      data: e.data,
    })),
    company: {
      id: task.companyId,
      name: task.companyName,
      partnershipId: task.companyPartnershipId,
      partnershipName: task.partnershipName,
      partnershipType: task.partnershipType,
    },
    assignee:
      task.assigneeId === null ? null : { id: task.assigneeId, name: task.assigneeName ?? task.assigneeId },
    previousTasks: previous,
  };
}
