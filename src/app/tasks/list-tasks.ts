/** The partner's task list: one page, its cursor, and the faceted counts, within the caller's scope. */
import type { Category, Severity, TaskStatus, TaskType } from "../../core/task.ts";
import { inPartnerScope } from "../../db/scoped.ts";
import type { TaskFilter } from "../../db/task-list.query.ts";
import {
  countTasks,
  decodeCursor,
  listTaskPage,
  type TaskCounts,
  type TaskSort,
} from "../../db/task-page.query.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { type TaskJson, taskJson } from "./task-json.ts";

export interface TaskListQuery {
  readonly statuses?: readonly TaskStatus[] | undefined;
  readonly severities?: readonly Severity[] | undefined;
  readonly categories?: readonly Category[] | undefined;
  readonly types?: readonly TaskType[] | undefined;
  readonly partnershipIds?: readonly string[] | undefined;
  readonly companyIds?: readonly string[] | undefined;
  readonly assigneeId?: string | undefined;
  readonly search?: string | undefined;
  readonly sort?: TaskSort | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface TaskListResult {
  readonly items: TaskJson[];
  readonly nextCursor: string | null;
  readonly counts: TaskCounts;
}

/** The filter a scope and a query give; shared by the list, its counts and the CSV export. */
export function scopedFilter(ctx: AppContext, scope: Scope, query: TaskListQuery): TaskFilter {
  return {
    partnerId: scope.partnerId ?? undefined,
    visibleCompanyIds: scope.companyIds ?? undefined,
    statuses: query.statuses?.length ? query.statuses : ["open"],
    severities: query.severities,
    categories: query.categories,
    types: query.types,
    partnershipIds: query.partnershipIds,
    companyIds: query.companyIds,
    assigneeId: query.assigneeId,
    search: query.search,
    now: ctx.clock.now().toISOString(),
  };
}

export async function listTasksFor(
  ctx: AppContext,
  scope: Scope,
  query: TaskListQuery,
): Promise<TaskListResult> {
  const sort = query.sort ?? "severity";
  const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
  if (query.cursor && !after) {
    throw new AppError(
      "INVALID_ARGUMENT",
      "The cursor is not valid for this sort; start again from the first page",
    );
  }
  const filter = scopedFilter(ctx, scope, query);
  return inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const [page, counts] = await Promise.all([
      listTaskPage(trx, filter, { sort, limit: query.limit ?? 50, after }),
      countTasks(trx, filter),
    ]);
    return { items: page.items.map(taskJson), nextCursor: page.nextCursor, counts };
  });
}
