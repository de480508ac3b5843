/**
 * What the integration suites share: a migrated test database, an app context pinned to an instant,
 * imports from text, and snapshots of the whole store (row counts, row versions, task state) that
 * let a test prove what a call did — or that it wrote nothing at all.
 */
import { type Kysely, sql } from "kysely";
import { fixedClock } from "../../src/app/clock.ts";
import { type AppContext, createAppContext } from "../../src/app/context.ts";
import {
  type ImportOptions,
  type ImportSummary,
  importRecords,
} from "../../src/app/import/import-records.ts";
import { readRecords } from "../../src/app/import/read-records.ts";
import type { DatabaseKind } from "../../src/db/connection.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";

export const TIME_ZONE = "Europe/Stockholm";

/** Every table the import and the scan write to. */
export const DATA_TABLES = [
  "partners",
  "partnerships",
  "companies",
  "orders",
  "usage",
  "activity",
  "scanners",
  "scans",
  "tasks",
  "task_events",
  "scan_runs",
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** A fresh database of `kind` with the schema migrated; close it in afterAll. */
export async function openMigratedDatabase(kind: DatabaseKind): Promise<TestDatabase<Database>> {
  const database = await createTestDatabase<Database>(kind);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The app as a scan or import at `at` sees it (the clock never moves). */
export function contextAt(db: Kysely<Database>, at: string): AppContext {
  return createAppContext(db, { clock: fixedClock(new Date(at)), timeZone: TIME_ZONE });
}

/** Imports JSON or NDJSON text through the same reader as the command line. */
export function importText(
  ctx: AppContext,
  text: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return importRecords(ctx, readRecords(text), options);
}

/** NDJSON text, one `{"kind": …}` record per line. */
export function ndjson(records: readonly Record<string, unknown>[]): string {
  return `${records.map((record) => JSON.stringify(record)).join("\n")}\n`;
}

/** Empties every data table, so tests sharing one database start from nothing. */
export async function resetData(db: Kysely<Database>): Promise<void> {
  const tables = sql.join(DATA_TABLES.map((table) => sql.table(table)));
  await sql`truncate table ${tables} restart identity cascade`.execute(db);
}

export async function countRows(db: Kysely<Database>): Promise<Record<DataTable, number>> {
  const counts = {} as Record<DataTable, number>;
  for (const table of DATA_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

/**
 * Every row's transaction id (xmin), per table: unchanged means no row was inserted, updated or
 * deleted — even an update writing the same values would show as a new version.
 */
export async function rowVersions(db: Kysely<Database>): Promise<Record<DataTable, string[]>> {
  const versions = {} as Record<DataTable, string[]>;
  for (const table of DATA_TABLES) {
    const { rows } = await sql<{ v: string }>`select xmin::text as v from ${sql.table(table)}`.execute(db);
    versions[table] = rows.map((r) => r.v).sort();
  }
  return versions;
}

export interface TaskState {
  readonly fingerprint: string;
  readonly severity: string;
  readonly status: string;
}

/** The outcome of scans, independent of ids and timings: what a clean scan must reproduce. */
export async function taskStates(db: Kysely<Database>): Promise<TaskState[]> {
  return db
    .selectFrom("tasks")
    .select(["fingerprint", "severity", "status"])
    .orderBy("fingerprint")
    .orderBy("status")
    .orderBy("severity")
    .execute();
}

/** A task's history, oldest first. */
export async function eventsOf(
  db: Kysely<Database>,
  taskId: string,
): Promise<{ kind: string; data: Record<string, unknown> }[]> {
  return db
    .selectFrom("task_events")
    .select(["kind", "data"])
    .where("task_id", "=", taskId)
    .orderBy("id")
    .execute();
}

/** Fingerprints that hold more than one unresolved task: must always be empty. */
export async function duplicateLiveFingerprints(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ fingerprint: string }>`
    select fingerprint from tasks where status <> 'resolved'
    group by fingerprint having count(*) > 1`.execute(db);
  return rows.map((r) => r.fingerprint);
}
