/**
 * One task with what its detail page shows (company, partnership, assignee, the chain of earlier
 * tasks of its fingerprint), and the tasks an action is about to change. Every read goes through
 * the list's filter, so partner and company visibility are applied exactly as in the task list.
 */
import { type Kysely, sql } from "kysely";
import type { PartnershipType } from "../core/model.ts";
import type { Database } from "./schema.ts";
import { type TaskFilter, type TaskView, whereTaskFilter } from "./task-list.query.ts";
import { taskFromRow } from "./tasks.repository.ts";

type Db = Kysely<Database>;

/** A stored task (status as stored, not effective) with its company's partnership and assignee. */
export interface TaskDetailRow extends TaskView {
  readonly companyPartnershipId: string;
  readonly partnershipName: string;
  readonly partnershipType: PartnershipType;
  readonly assigneeName: string | null;
}

export interface PreviousTaskRow {
  readonly id: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
}

export async function findTaskDetail(
  db: Db,
  id: string,
  filter: TaskFilter,
): Promise<TaskDetailRow | undefined> {
  const row = await db
    .selectFrom("tasks")
    .innerJoin("companies", "companies.id", "tasks.company_id")
    .innerJoin("partnerships", "partnerships.id", "companies.partnership_id")
    .leftJoin("users as assignee", "assignee.id", "tasks.assignee_id")
    .selectAll("tasks")
    .select([
      "companies.name as company_name",
      "companies.partnership_id as company_partnership_id",
      "partnerships.name as partnership_name",
      "partnerships.type as partnership_type",
      "assignee.name as assignee_name",
    ])
    .where("tasks.id", "=", id)
    .where((eb) => whereTaskFilter(eb, filter))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...taskFromRow(row),
    companyName: row.company_name,
    companyPartnershipId: row.company_partnership_id,
    partnershipName: row.partnership_name,
    partnershipType: row.partnership_type as PartnershipType,
    assigneeName: row.assignee_name,
  };
}

/**
 * The resolved tasks this one follows, newest first: previous_task_id links each task of a
 * fingerprint to the one that resolved before it (spec: "the history links them").
 */
export async function previousTasksOf(
  db: Db,
  previousTaskId: string | null,
  filter: TaskFilter,
): Promise<PreviousTaskRow[]> {
  if (previousTaskId === null) return [];
  const rows = await db
    .withRecursive("chain(id, opened_at, resolved_at, previous_task_id, depth)", (qc) =>
      qc
        .selectFrom("tasks")
        .select(["tasks.id", "tasks.opened_at", "tasks.resolved_at", "tasks.previous_task_id"])
        .select(sql<number>`1`.as("depth"))
        .where("tasks.id", "=", previousTaskId)
        .where((eb) => whereTaskFilter(eb, filter))
        .unionAll((union) =>
          union
            .selectFrom("tasks")
            .innerJoin("chain", "chain.previous_task_id", "tasks.id")
            .select(["tasks.id", "tasks.opened_at", "tasks.resolved_at", "tasks.previous_task_id"])
            .select(sql<number>`chain.depth + 1`.as("depth"))
            .where((eb) => whereTaskFilter(eb, filter)),
        ),
    )
    .selectFrom("chain")
    .select(["id", "opened_at", "resolved_at"])
    .orderBy("depth")
    .execute();
  return rows.map((r) => ({ id: r.id, openedAt: r.opened_at, resolvedAt: r.resolved_at }));
}

/**
 * The tasks among `ids` that the filter lets the caller see, locked until the transaction ends so
 * two people acting at once apply their changes one after the other.
 */
export async function lockVisibleTasks(
  db: Db,
  ids: readonly string[],
  filter: TaskFilter,
): Promise<TaskView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("companies", "companies.id", "tasks.company_id")
    .selectAll("tasks")
    .select("companies.name as company_name")
    .where("tasks.id", "in", [...ids])
    .where((eb) => whereTaskFilter(eb, filter))
    .orderBy("tasks.id")
    .forUpdate("tasks")
    .execute();
  return rows.map((row) => ({ ...taskFromRow(row), companyName: row.company_name }));
}

/**
 * The evaluation instant of the latest completed scan that covered the company (a scan of every
 * company, or of this one). Scan runs are the portal's, not a partner's: read outside partner scope,
 * and only for a company the caller has already been shown.
 */
export async function lastEvaluationOf(db: Db, companyId: string): Promise<string | null> {
  const row = await db
    .selectFrom("scan_runs")
    .select("at")
    .where("status", "=", "completed")
    .where((eb) => eb.or([eb("company_id", "is", null), eb("company_id", "=", companyId)]))
    .orderBy("started_at", "desc")
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Names of users by id, for showing assignees. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
