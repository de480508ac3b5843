/**
 * One page of the task list with keyset (cursor) pagination, and the counts that the severity
 * triangle and the category chips show. Keyset pages cost the same at page 1 and page 1,000.
 */
import { type Kysely, sql } from "kysely";
import { CATEGORIES, type Category, SEVERITIES, type Severity } from "../core/task.ts";
import type { Database } from "./schema.ts";
import { effectiveStatus, type TaskFilter, type TaskView, whereTaskFilter } from "./task-list.query.ts";
import { taskFromRow } from "./tasks.repository.ts";

export const TASK_SORTS = ["severity", "newest", "oldest", "company"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export interface TaskPage {
  readonly items: TaskView[];
  readonly nextCursor: string | null;
}

type Key = (string | number)[];

/** Sort columns per order; the last is always the id, so every key is unique. */
const ORDER: Readonly<Record<TaskSort, { columns: string[]; direction: "asc" | "desc" }>> = {
  severity: { columns: ["tasks.severity_rank", "tasks.urgency", "tasks.id"], direction: "desc" },
  newest: { columns: ["tasks.opened_at", "tasks.id"], direction: "desc" },
  oldest: { columns: ["tasks.opened_at", "tasks.id"], direction: "asc" },
  company: { columns: ["companies.name", "tasks.id"], direction: "asc" },
};

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, sort: TaskSort): Key | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const valid =
      Array.isArray(key) &&
      key.length === ORDER[sort].columns.length &&
      key.every((v) => typeof v === "string" || typeof v === "number");
    return valid ? key : null;
  } catch {
    return null;
  }
}

export async function listTaskPage(
  db: Kysely<Database>,
  filter: TaskFilter,
  options: { sort: TaskSort; limit: number; after: Key | null },
): Promise<TaskPage> {
  const order = ORDER[options.sort];
  const columns = order.columns.map((c) => sql.ref(c));
  let query = db
    .selectFrom("tasks")
    .innerJoin("companies", "companies.id", "tasks.company_id")
    .selectAll("tasks")
    .select("companies.name as company_name")
    .where((eb) => whereTaskFilter(eb, filter));
  if (options.after) {
    const comparison = order.direction === "desc" ? sql.raw("<") : sql.raw(">");
    const values = options.after.map((v) => sql`${v}`);
    query = query.where(sql<boolean>`(${sql.join(columns)}) ${comparison} (${sql.join(values)})`);
  }
  for (const column of order.columns) query = query.orderBy(sql.ref(column), order.direction);
  const rows = await query.limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const items = page.map((row) => {
    const task = taskFromRow(row);
    return { ...task, status: effectiveStatus(task, filter.now), companyName: row.company_name };
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last ? encodeCursor(keyOf(options.sort, last, last.company_name)) : null;
  return { items, nextCursor };
}

function keyOf(
  sort: TaskSort,
  row: { severity_rank: number; urgency: number | null; id: string; opened_at: string },
  companyName: string,
): Key {
  switch (sort) {
    case "severity":
      return [row.severity_rank, row.urgency ?? 0, row.id];
    case "newest":
    case "oldest":
      return [row.opened_at, row.id];
    case "company":
      return [companyName, row.id];
  }
}

export interface TaskCounts {
  readonly severity: Record<Severity, number>;
  readonly category: Record<Category, number>;
}

/**
 * Faceted counts: severities under every filter but the severity one (so each triangle shows what
 * turning it on would add), categories under every filter but the category one.
 */
export async function countTasks(db: Kysely<Database>, filter: TaskFilter): Promise<TaskCounts> {
  const { severities, categories } = filter;
  // One scan grouped by both facets: a row counts for severity when it passes the category filter,
  // and for category when it passes the severity filter.
  const rows = await db
    .selectFrom("tasks")
    .select(["tasks.severity", "tasks.category", sql<number>`count(*)::int`.as("n")])
    .where((eb) => {
      const rest = whereTaskFilter(eb, { ...filter, severities: undefined, categories: undefined });
      if (!severities?.length || !categories?.length) return rest;
      return eb.and([
        rest,
        eb.or([eb("tasks.severity", "in", [...severities]), eb("tasks.category", "in", [...categories])]),
      ]);
    })
    .groupBy(["tasks.severity", "tasks.category"])
    .execute();
  const severity = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as Record<Severity, number>;
  const category = Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as Record<Category, number>;
  for (const row of rows) {
    if (!categories?.length || categories.includes(row.category as Category))
      severity[row.severity as Severity] += row.n;
    if (!severities?.length || severities.includes(row.severity as Severity))
      category[row.category as Category] += row.n;
  }
  return { severity, category };
}
