/**
 * The companies list: filters, keyset (cursor) pages, the total, and open-task counts by severity
 * for a page of companies in one grouped query. "Open" is the task list's default status (a snooze
 * whose date has passed counts as open), so a company's counts match what GET /tasks shows for it.
 */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { AccountState, PartnershipType } from "../core/model.ts";
import type { Severity } from "../core/task.ts";
import type { Database } from "./schema.ts";
import { type TaskFilter, whereTaskFilter } from "./task-list.query.ts";

export const COMPANY_SORTS = ["name", "-name", "tasks"] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export interface CompanyFilter {
  /** The caller's partner; undefined only for the vendor. */
  readonly partnerId?: string | undefined;
  /** A `user` limited to assigned companies sees only these. */
  readonly visibleCompanyIds?: readonly string[] | undefined;
  readonly partnershipIds?: readonly string[] | undefined;
  /** Companies carrying any of these tags. */
  readonly tags?: readonly string[] | undefined;
  /** Words in the company's name or id, case-insensitive. */
  readonly search?: string | undefined;
  /** Companies with open tasks of any of these severities. */
  readonly severities?: readonly Severity[] | undefined;
  /** The instant that decides whether a snoozed task is open again. */
  readonly now: string;
}

export interface CompanyListRow {
  readonly id: string;
  readonly name: string;
  readonly partnershipId: string;
  readonly partnershipName: string;
  readonly partnershipType: PartnershipType;
  readonly accountState: AccountState;
  readonly tags: string[];
}

export type SeverityCounts = Record<Severity, number>;
type Key = (string | number)[];
type Companies = ExpressionBuilder<Database, "companies">;

/** The open-task filter matching a company filter's scope. */
export function openTaskFilter(filter: CompanyFilter): TaskFilter {
  return {
    partnerId: filter.partnerId,
    visibleCompanyIds: filter.visibleCompanyIds,
    partnershipIds: filter.partnershipIds,
    statuses: ["open"],
    now: filter.now,
  };
}

/** Applies a filter to any query over `companies`. */
export function whereCompanyFilter(eb: Companies, filter: CompanyFilter) {
  const conditions = [];
  if (filter.partnerId !== undefined) conditions.push(eb("companies.partner_id", "=", filter.partnerId));
  if (filter.visibleCompanyIds) conditions.push(eb("companies.id", "in", nonEmpty(filter.visibleCompanyIds)));
  if (filter.partnershipIds?.length)
    conditions.push(eb("companies.partnership_id", "in", [...filter.partnershipIds]));
  if (filter.tags?.length) {
    conditions.push(
      eb(sql.ref("companies.tags"), "&&", sql<string[]>`array[${sql.join(filter.tags)}]::text[]`),
    );
  }
  if (filter.search?.trim()) {
    const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(eb.or([eb("companies.name", "ilike", pattern), eb("companies.id", "ilike", pattern)]));
  }
  if (filter.severities?.length) {
    const severities = filter.severities;
    conditions.push(
      eb.exists(
        eb
          .selectFrom("tasks")
          .select("tasks.id")
          .whereRef("tasks.company_id", "=", "companies.id")
          .where((t) => whereTaskFilter(t, { ...openTaskFilter(filter), severities })),
      ),
    );
  }
  return eb.and(conditions);
}

/** `in ()` is not SQL; an empty allow-list must match nothing. */
function nonEmpty(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [""];
}

/**
 * Sort keys, all ascending so one row comparison continues a page; "tasks" negates the counts
 * (most open high first, then medium, then low) and the last key is always the unique id.
 */
const SORT_KEYS: Readonly<Record<CompanySort, { keys: string[]; direction: "asc" | "desc" }>> = {
  name: { keys: ["name", "id"], direction: "asc" },
  "-name": { keys: ["name", "id"], direction: "desc" },
  tasks: { keys: ["minus_high", "minus_medium", "minus_low", "name", "id"], direction: "asc" },
};

export function encodeCompanyCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCompanyCursor(cursor: string, sort: CompanySort): Key | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const valid =
      Array.isArray(key) &&
      key.length === SORT_KEYS[sort].keys.length &&
      key.every((v) => typeof v === "string" || typeof v === "number");
    return valid ? key : null;
  } catch {
    return null;
  }
}

/** One page of companies in the chosen order, and the cursor of the next page. */
export async function listCompanyPage(
  db: Kysely<Database>,
  filter: CompanyFilter,
  options: { sort: CompanySort; limit: number; after: Key | null },
): Promise<{ items: CompanyListRow[]; nextCursor: string | null }> {
  const { keys, direction } = SORT_KEYS[options.sort];
  // Only the "tasks" order needs every company's counts; the name orders never aggregate tasks.
  const counts = db
    .selectFrom("tasks")
    .select([
      "tasks.company_id",
      sql<number>`-count(*) filter (where tasks.severity = 'high')`.as("minus_high"),
      sql<number>`-count(*) filter (where tasks.severity = 'medium')`.as("minus_medium"),
      sql<number>`-count(*) filter (where tasks.severity = 'low')`.as("minus_low"),
    ])
    .where((eb) => whereTaskFilter(eb, openTaskFilter(filter)))
    .groupBy("tasks.company_id")
    .as("counts");
  const sorted = db
    .selectFrom("companies")
    .innerJoin("partnerships", "partnerships.id", "companies.partnership_id")
    .select([
      "companies.id",
      "companies.name",
      "companies.partnership_id",
      "companies.account_state",
      "companies.tags",
      "partnerships.name as partnership_name",
      "partnerships.type as partnership_type",
    ])
    .where((eb) => whereCompanyFilter(eb, filter))
    .$if(options.sort === "tasks", (qb) =>
      qb
        .leftJoin(counts, "counts.company_id", "companies.id")
        .select([
          sql<number>`coalesce(counts.minus_high, 0)::int`.as("minus_high"),
          sql<number>`coalesce(counts.minus_medium, 0)::int`.as("minus_medium"),
          sql<number>`coalesce(counts.minus_low, 0)::int`.as("minus_low"),
        ]),
    );
  // Keyset over the page's output columns, so the computed counts compare like plain columns.
  const pageKeys = keys.map((k) => sql.ref(`page.${k}`));
  let query = db.selectFrom(sorted.as("page")).selectAll();
  if (options.after) {
    const comparison = direction === "desc" ? sql.raw("<") : sql.raw(">");
    const values = options.after.map((v) => sql`${v}`);
    query = query.where(sql<boolean>`(${sql.join(pageKeys)}) ${comparison} (${sql.join(values)})`);
  }
  for (const key of pageKeys) query = query.orderBy(key, direction);
  const rows = await query.limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCompanyCursor(keys.map((k) => last[k as keyof typeof last] as string | number))
      : null;
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      partnershipId: r.partnership_id,
      partnershipName: r.partnership_name,
      partnershipType: r.partnership_type as PartnershipType,
      accountState: r.account_state as AccountState,
      tags: r.tags,
    })),
    nextCursor,
  };
}

export async function countCompanies(db: Kysely<Database>, filter: CompanyFilter): Promise<number> {
  const row = await db
    .selectFrom("companies")
    .select(sql<number>`count(*)::int`.as("n"))
    .where((eb) => whereCompanyFilter(eb, filter))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Open tasks by severity for the given companies, in one grouped query. */
export async function openTaskCounts(
  db: Kysely<Database>,
  filter: CompanyFilter,
  companyIds: readonly string[],
): Promise<Map<string, SeverityCounts>> {
  const counts = new Map<string, SeverityCounts>();
  if (companyIds.length === 0) return counts;
  const rows = await db
    .selectFrom("tasks")
    .select(["tasks.company_id", "tasks.severity", sql<number>`count(*)::int`.as("n")])
    .where((eb) => whereTaskFilter(eb, { ...openTaskFilter(filter), companyIds }))
    .groupBy(["tasks.company_id", "tasks.severity"])
    .execute();
  for (const id of companyIds) counts.set(id, { high: 0, medium: 0, low: 0 });
  for (const row of rows) {
    const tally = counts.get(row.company_id);
    if (tally) tally[row.severity as Severity] = row.n;
  }
  return counts;
}
