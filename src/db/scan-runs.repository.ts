/** The record of every scan: when, how long, what it changed, what failed. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, ScanRunsTable } from "./schema.ts";

type Db = Kysely<Database>;

export interface ScanRun {
  readonly id: string;
  readonly at: string;
  readonly companyId: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: "running" | "completed" | "failed" | "interrupted";
  readonly companiesScanned: number;
  readonly tasksOpened: number;
  readonly tasksUpdated: number;
  readonly tasksResolved: number;
  readonly errorCount: number;
  readonly errors: readonly { companyId: string; message: string }[];
}

export interface ScanRunProgress {
  readonly companiesScanned: number;
  readonly tasksOpened: number;
  readonly tasksUpdated: number;
  readonly tasksResolved: number;
  readonly errors: readonly { companyId: string; message: string }[];
}

function fromRow(r: Selectable<ScanRunsTable>): ScanRun {
  return {
    id: r.id,
    at: r.at,
    companyId: r.company_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status as ScanRun["status"],
    companiesScanned: r.companies_scanned,
    tasksOpened: r.tasks_opened,
    tasksUpdated: r.tasks_updated,
    tasksResolved: r.tasks_resolved,
    errorCount: r.error_count,
    errors: r.errors,
  };
}

export async function startScanRun(
  db: Db,
  run: { id: string; at: string; companyId: string | null; startedAt: string },
): Promise<void> {
  await db
    .insertInto("scan_runs")
    .values({
      id: run.id,
      at: run.at,
      company_id: run.companyId,
      started_at: run.startedAt,
      heartbeat_at: run.startedAt,
      status: "running",
      errors: "[]",
    })
    .execute();
}

/** Adds one batch's counts; runs inside the batch's transaction so counts match committed work. */
export async function addScanRunProgress(
  db: Db,
  id: string,
  progress: ScanRunProgress,
  at: string,
): Promise<void> {
  await db
    .updateTable("scan_runs")
    .set((eb) => ({
      heartbeat_at: at,
      companies_scanned: eb("companies_scanned", "+", progress.companiesScanned),
      tasks_opened: eb("tasks_opened", "+", progress.tasksOpened),
      tasks_updated: eb("tasks_updated", "+", progress.tasksUpdated),
      tasks_resolved: eb("tasks_resolved", "+", progress.tasksResolved),
      error_count: eb("error_count", "+", progress.errors.length),
      errors: sql`errors || ${JSON.stringify(progress.errors.slice(0, 100))}::jsonb`,
    }))
    .where("id", "=", id)
    .execute();
}

export async function finishScanRun(
  db: Db,
  id: string,
  status: ScanRun["status"],
  at: string,
): Promise<ScanRun> {
  const row = await db
    .updateTable("scan_runs")
    .set({ status, finished_at: at, heartbeat_at: at })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Runs still "running" whose heartbeat stopped before `staleBefore` died with their process. */
export async function markInterruptedRuns(db: Db, staleBefore: string): Promise<number> {
  const result = await db
    .updateTable("scan_runs")
    .set({ status: "interrupted" })
    .where("status", "=", "running")
    .where("heartbeat_at", "<", staleBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function recentScanRuns(db: Db, limit: number): Promise<ScanRun[]> {
  const rows = await db
    .selectFrom("scan_runs")
    .selectAll()
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
