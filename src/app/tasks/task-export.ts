/** The task list as CSV (GET /tasks.csv): every task the filters match, in the list's order. */
import { inPartnerScope } from "../../db/scoped.ts";
import { userNames } from "../../db/task-detail.query.ts";
import { listTaskPage } from "../../db/task-page.query.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { renderCsv } from "../csv.ts";
import { AppError } from "../errors.ts";
import { scopedFilter, type TaskListQuery } from "./list-tasks.ts";

export const TASK_CSV_COLUMNS = [
  "id",
  "severity",
  "status",
  "type",
  "category",
  "company",
  "title",
  "opened",
  "assignee",
  "details",
] as const;

/** One response holds the whole export; beyond this the caller narrows the filters instead. */
export const MAX_EXPORT_ROWS = 100_000;

export async function exportTasksCsv(
  ctx: AppContext,
  scope: Scope,
  query: Omit<TaskListQuery, "limit" | "cursor">,
): Promise<string> {
  const filter = scopedFilter(ctx, scope, query);
  const { tasks, names } = await inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const page = await listTaskPage(trx, filter, {
      sort: query.sort ?? "severity",
      limit: MAX_EXPORT_ROWS,
      after: null,
    });
    if (page.nextCursor !== null) {
      throw new AppError(
        "INVALID_ARGUMENT",
        `More than ${MAX_EXPORT_ROWS} tasks match; narrow the filters to export them`,
      );
    }
    const assigneeIds = page.items.flatMap((t) => t.assigneeId ?? []);
    return { tasks: page.items, names: await userNames(trx, assigneeIds) };
  });
  const rows = tasks.map((t) => [
    t.id,
    t.severity,
    t.status,
    t.type,
    t.category,
    t.companyName,
    t.title,
    t.openedAt,
    t.assigneeId === null ? "" : (names.get(t.assigneeId) ?? t.assigneeId),
    JSON.stringify(t.details),
  ]);
  return renderCsv(TASK_CSV_COLUMNS, rows);
}
