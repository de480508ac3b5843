/**
 * The task list: every filter the portal offers, scoped by partner. A snooze whose date has passed
 * counts as open at once, without waiting for the next scan (spec: snoozed tasks are hidden only
 * until their date).
 */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Category, Severity, Task, TaskStatus, TaskType } from "../core/task.ts";
import type { Database } from "./schema.ts";
import { taskFromRow } from "./tasks.repository.ts";

export interface TaskFilter {
  /** The caller's partner; undefined only for the vendor and the command line. */
  readonly partnerId?: string | undefined;
  /** A `user` limited to assigned companies sees only these. */
  readonly visibleCompanyIds?: readonly string[] | undefined;
  readonly statuses?: readonly TaskStatus[] | undefined;
  readonly severities?: readonly Severity[] | undefined;
  readonly categories?: readonly Category[] | undefined;
  readonly types?: readonly TaskType[] | undefined;
  readonly partnershipIds?: readonly string[] | undefined;
  readonly companyIds?: readonly string[] | undefined;
  /** A user id, or "none" for unassigned tasks. */
  readonly assigneeId?: string | undefined;
  /** Words to find in the company's name or the task's title. */
  readonly search?: string | undefined;
  /** The evaluation instant for snoozes. */
  readonly now: string;
}

export interface TaskView extends Task {
  readonly companyName: string;
}

type Tasks = ExpressionBuilder<Database, "tasks">;

/** The status a person sees: a snoozed task whose date has come is open. */
export function effectiveStatus(task: Pick<Task, "status" | "snoozedUntil">, now: string): TaskStatus {
  if (
    task.status === "snoozed" &&
    task.snoozedUntil !== null &&
    Date.parse(task.snoozedUntil) <= Date.parse(now)
  ) {
    return "open";
  }
  return task.status;
}

function statusCondition(eb: Tasks, status: TaskStatus, now: string) {
  switch (status) {
    case "open":
      return eb.or([
        eb("tasks.status", "=", "open"),
        eb.and([eb("tasks.status", "=", "snoozed"), eb("tasks.snoozed_until", "<=", now)]),
      ]);
    case "snoozed":
      return eb.and([eb("tasks.status", "=", "snoozed"), eb("tasks.snoozed_until", ">", now)]);
    default:
      return eb("tasks.status", "=", status);
  }
}

/** Applies a filter to any query over `tasks`. */
export function whereTaskFilter(eb: Tasks, filter: TaskFilter) {
  const conditions = [];
  if (filter.partnerId !== undefined) conditions.push(eb("tasks.partner_id", "=", filter.partnerId));
  if (filter.visibleCompanyIds)
    conditions.push(eb("tasks.company_id", "in", nonEmpty(filter.visibleCompanyIds)));
  if (filter.statuses?.length)
    conditions.push(eb.or(filter.statuses.map((s) => statusCondition(eb, s, filter.now))));
  if (filter.severities?.length) conditions.push(eb("tasks.severity", "in", [...filter.severities]));
  if (filter.categories?.length) conditions.push(eb("tasks.category", "in", [...filter.categories]));
  if (filter.types?.length) conditions.push(eb("tasks.type", "in", [...filter.types]));
  if (filter.partnershipIds?.length)
    conditions.push(eb("tasks.partnership_id", "in", [...filter.partnershipIds]));
  if (filter.companyIds?.length) conditions.push(eb("tasks.company_id", "in", [...filter.companyIds]));
  if (filter.assigneeId === "none") conditions.push(eb("tasks.assignee_id", "is", null));
  else if (filter.assigneeId) conditions.push(eb("tasks.assignee_id", "=", filter.assigneeId));
  if (filter.search?.trim()) {
    const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      eb.or([
        eb("tasks.title", "ilike", pattern),
        eb.exists(
          eb
            .selectFrom("companies as named")
            .select("named.id")
            .whereRef("named.id", "=", "tasks.company_id")
            .where("named.name", "ilike", pattern),
        ),
      ]),
    );
  }
  return eb.and(conditions);
}

/** `in ()` is not SQL; an empty allow-list must match nothing. */
function nonEmpty(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [""];
}

/** Tasks matching the filter, most severe first, then oldest first. */
export async function listTasks(
  db: Kysely<Database>,
  filter: TaskFilter,
  limit?: number,
): Promise<TaskView[]> {
  let query = db
    .selectFrom("tasks")
    .innerJoin("companies", "companies.id", "tasks.company_id")
    .selectAll("tasks")
    .select("companies.name as company_name")
    .where((eb) => whereTaskFilter(eb, filter))
    .orderBy("tasks.severity_rank", "desc")
    .orderBy("tasks.opened_at")
    .orderBy("tasks.id");
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((row) => {
    const task = taskFromRow(row);
    return { ...task, status: effectiveStatus(task, filter.now), companyName: row.company_name };
  });
}

/** Counts by status, for summaries. */
export async function countTasksByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("tasks")
    .select(["status", sql<number>`count(*)::int`.as("count")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}
