/** Reading and writing tasks and their history; queries only, the lifecycle is decided in core. */
import type { Insertable, Kysely, Selectable } from "kysely";
import { SEVERITY_RANK, type Task, type TaskEvent } from "../core/task.ts";
import { type CompanyScope, companyIn } from "./facts.repository.ts";
import type { Database, TaskEventsTable, TasksTable } from "./schema.ts";

type Db = Kysely<Database>;

/** PostgreSQL allows 65,535 bind parameters per statement; stay well below with row chunks. */
const PARAMETER_BUDGET = 30_000;

export function taskFromRow(r: Selectable<TasksTable>): Task {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnershipId: r.partnership_id,
    companyId: r.company_id,
    fingerprint: r.fingerprint,
    type: r.type as Task["type"],
    subject: r.subject,
    category: r.category as Task["category"],
    severity: r.severity as Task["severity"],
    status: r.status as Task["status"],
    title: r.title,
    details: r.details,
    tab: r.tab as Task["tab"],
    highlight: r.highlight,
    ruleId: r.rule_id,
    snoozedUntil: r.snoozed_until,
    assigneeId: r.assignee_id,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    previousTaskId: r.previous_task_id,
  };
}

function taskToRow(t: Task): Insertable<TasksTable> {
  return {
    id: t.id,
    partner_id: t.partnerId,
    partnership_id: t.partnershipId,
    company_id: t.companyId,
    fingerprint: t.fingerprint,
    type: t.type,
    subject: t.subject,
    category: t.category,
    severity: t.severity,
    severity_rank: SEVERITY_RANK[t.severity],
    status: t.status,
    title: t.title,
    details: JSON.stringify(t.details),
    tab: t.tab,
    highlight: [...t.highlight],
    rule_id: t.ruleId,
    snoozed_until: t.snoozedUntil,
    assignee_id: t.assigneeId,
    opened_at: t.openedAt,
    updated_at: t.updatedAt,
    resolved_at: t.resolvedAt,
    previous_task_id: t.previousTaskId,
  };
}

export function chunk<T>(items: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(PARAMETER_BUDGET / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The live (not resolved) tasks of the given companies. */
export async function liveTasksOf(
  db: Db,
  companyIds: readonly string[],
  scope?: CompanyScope,
): Promise<Task[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectFrom("tasks")
    .selectAll()
    .where(companyIn(scope ?? { ids: companyIds }))
    .where("status", "<>", "resolved")
    .execute();
  return rows.map(taskFromRow);
}

/** The latest resolved task id of each fingerprint, for linking a returning condition. */
export async function lastResolvedIds(db: Db, fingerprints: readonly string[]): Promise<Map<string, string>> {
  if (fingerprints.length === 0) return new Map();
  const rows = await db
    .selectFrom("tasks")
    .distinctOn("fingerprint")
    .select(["fingerprint", "id"])
    .where("fingerprint", "in", [...fingerprints])
    .where("status", "=", "resolved")
    .orderBy("fingerprint")
    .orderBy("resolved_at", "desc")
    .execute();
  return new Map(rows.map((r) => [r.fingerprint, r.id]));
}

/** Inserts new tasks and overwrites changed ones in one statement per chunk (upsert by id). */
export async function saveTasks(db: Db, tasks: readonly Task[]): Promise<void> {
  for (const part of chunk(tasks, 22)) {
    await db
      .insertInto("tasks")
      .values(part.map(taskToRow))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          severity: eb.ref("excluded.severity"),
          severity_rank: eb.ref("excluded.severity_rank"),
          status: eb.ref("excluded.status"),
          title: eb.ref("excluded.title"),
          details: eb.ref("excluded.details"),
          tab: eb.ref("excluded.tab"),
          highlight: eb.ref("excluded.highlight"),
          rule_id: eb.ref("excluded.rule_id"),
          snoozed_until: eb.ref("excluded.snoozed_until"),
          assignee_id: eb.ref("excluded.assignee_id"),
          updated_at: eb.ref("excluded.updated_at"),
          resolved_at: eb.ref("excluded.resolved_at"),
        })),
      )
      .execute();
  }
}

/** Appends history events; partner ids come from the tasks they belong to. */
export async function insertEvents(
  db: Db,
  events: readonly TaskEvent[],
  partnerOf: (taskId: string) => string,
) {
  for (const part of chunk(events, 6)) {
    const rows: Insertable<TaskEventsTable>[] = part.map((e) => ({
      task_id: e.taskId,
      partner_id: partnerOf(e.taskId),
      at: e.at,
      actor_id: e.actorId,
      kind: e.kind,
      data: JSON.stringify(e.data),
    }));
    await db.insertInto("task_events").values(rows).execute();
  }
}
