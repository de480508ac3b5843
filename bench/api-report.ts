/** The API benchmark's Markdown report: the set-up, one table of medians, and the query plans. */
import type { ExplainedQuery } from "./api-explain.ts";
import type { RunFigures } from "./api-load.ts";
import { median } from "./support.ts";

export interface ScenarioResult {
  readonly name: string;
  readonly runs: readonly RunFigures[];
}

export interface ReportInput {
  readonly date: string;
  readonly machine: string;
  readonly postgres: string;
  readonly loads: readonly string[];
  readonly data: string;
  readonly setup: string;
  readonly scenarios: readonly ScenarioResult[];
  readonly plans: readonly { title: string; queries: readonly ExplainedQuery[] }[];
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const COLUMNS: readonly [string, (r: RunFigures) => number, (v: number) => string][] = [
  ["req/s", (r) => r.rps, fixed(0)],
  ["p50 ms", (r) => r.p50, fixed(0)],
  ["p90 ms", (r) => r.p90, fixed(0)],
  ["p99 ms", (r) => r.p99, fixed(0)],
  ["max ms", (r) => r.max, fixed(0)],
  ["errors", (r) => r.errors, fixed(0)],
  ["non-2xx", (r) => r.non2xx, fixed(0)],
  ["API event loop busy", (r) => r.elu, (v) => `${(v * 100).toFixed(0)} %`],
  ["CPU ms/req: API / PostgreSQL / load generator", (r) => r.nodeCpuMs, fixed(1)],
];

/** Each figure is the median of that figure over the runs (runs listed for the spread). */
export function resultsTable(scenarios: readonly ScenarioResult[]): string {
  const head = ["scenario", ...COLUMNS.map(([name]) => name), "p99 of each run"];
  const rows = scenarios.map(({ name, runs }) => {
    const cells = COLUMNS.map(([column, pick, format]) => {
      const value = format(median(runs.map(pick)));
      if (!column.startsWith("CPU")) return value;
      const pg = fixed(1)(median(runs.map((r) => r.pgCpuMs)));
      return `${value} / ${pg} / ${fixed(1)(median(runs.map((r) => r.clientCpuMs)))}`;
    });
    return [name, ...cells, runs.map((r) => r.p99.toFixed(0)).join(", ")];
  });
  return [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function runLine(name: string, run: number, r: RunFigures, load: string): string {
  return (
    `  [${name}] run ${run}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, ` +
    `max ${r.max} ms, errors ${r.errors}, non-2xx ${r.non2xx}, event loop ${(r.elu * 100).toFixed(0)} %, ` +
    `CPU ms/req API ${r.nodeCpuMs.toFixed(1)} PG ${r.pgCpuMs.toFixed(1)} client ${r.clientCpuMs.toFixed(1)} ` +
    `(load ${load})`
  );
}

function planBlock(query: ExplainedQuery): string {
  const parameters = JSON.stringify(query.parameters);
  return [
    `**${query.name}**`,
    "",
    "```sql",
    `-- parameters: ${parameters}`,
    query.sql,
    "```",
    "",
    "```",
    query.plan,
    "```",
  ].join("\n");
}

export function renderReport(input: ReportInput): string {
  const plans = input.plans.map(({ title, queries }) =>
    [`#### ${title}`, ...queries.map(planBlock)].join("\n\n"),
  );
  return [
    "## API: GET /tasks under load",
    "",
    `Measured ${input.date} with \`npm run bench:api\` (bench/api.bench.ts).`,
    "",
    `- Machine: ${input.machine}; ${input.postgres}.`,
    `- Load average (1 min) before each run: ${input.loads.join(", ")}.`,
    `- Data: ${input.data}`,
    `- Set-up: ${input.setup}`,
    "",
    resultsTable(input.scenarios),
    "",
    "### Query plans",
    "",
    "EXPLAIN (ANALYZE, BUFFERS) inside `set_config('portal.partner_id', …, true)` + " +
      "`set local role portal_partner`, as inPartnerScope runs them, warm cache.",
    "",
    ...plans,
    "",
  ].join("\n");
}
