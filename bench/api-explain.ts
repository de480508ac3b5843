/**
 * EXPLAIN (ANALYZE, BUFFERS) of the queries behind GET /tasks, as src/db/task-page.query.ts builds
 * them: the SQL is captured from listTaskPage and countTasks themselves (on a Kysely that compiles
 * but does not execute), with the filter the route builds from the query string, then explained
 * inside the same transaction set-up as inPartnerScope (partner setting, then role portal_partner)
 * so the row-level security policy is part of each plan.
 */
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import pg from "pg";
import { fixedClock } from "../src/app/clock.ts";
import { createAppContext } from "../src/app/context.ts";
import { scopedFilter } from "../src/app/tasks/list-tasks.ts";
import type { Database } from "../src/db/schema.ts";
import { countTasks, decodeCursor, listTaskPage, type TaskSort } from "../src/db/task-page.query.ts";
import { taskFilterQuery, toTaskListQuery } from "../src/http/routes/tasks.routes.ts";
import { BENCH_AT } from "./api-data.ts";

export interface ExplainedQuery {
  readonly name: string;
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly plan: string;
}

/** The queries one GET /tasks runs for `search` (a query string) as the partner's admin. */
export async function capturedQueries(
  partnerId: string,
  search: string,
): Promise<{ name: string; query: CompiledQuery }[]> {
  const captured: CompiledQuery[] = [];
  const recorder = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured.push(event.query);
    },
  });
  const params = Object.fromEntries(new URLSearchParams(search));
  const parsed = taskFilterQuery.parse(params);
  const ctx = createAppContext(recorder, { clock: fixedClock(BENCH_AT) });
  const filter = scopedFilter(ctx, { partnerId, companyIds: null }, toTaskListQuery(parsed, null));
  const sort: TaskSort = parsed.sort ?? "severity";
  const after = params.cursor ? decodeCursor(params.cursor, sort) : null;
  await listTaskPage(recorder, filter, { sort, limit: Number(params.limit ?? 50), after });
  await countTasks(recorder, filter);
  // Named from the SQL, so the labels stay right if the counts become one query.
  return captured.map((query) => {
    const grouped = /group by (.*)$/.exec(query.sql)?.[1];
    return { name: grouped ? `counts (group by ${grouped.replaceAll('"tasks".', "")})` : "page", query };
  });
}

/** Runs each query once to warm the cache, then explains it; nothing is written (rolled back). */
export async function explainAll(
  url: string,
  partnerId: string,
  queries: { name: string; query: CompiledQuery }[],
): Promise<ExplainedQuery[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const explained: ExplainedQuery[] = [];
    for (const { name, query } of queries) {
      await client.query("begin");
      await client.query("select set_config('portal.partner_id', $1, true)", [partnerId]);
      await client.query("set local role portal_partner");
      await client.query(query.sql, [...query.parameters]);
      const result = await client.query(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
      await client.query("rollback");
      const plan = result.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
      explained.push({ name, sql: query.sql, parameters: query.parameters, plan });
    }
    return explained;
  } finally {
    await client.end();
  }
}
