/**
 * `npm run bench:api [-- --duration 20 --connections 50 --runs 3 --partners 1000 --sessions 20
 *   --rate N --keep --reuse bench_api_xxxx --report file.md]`
 *
 * GET /tasks under load on PostgreSQL: a fresh database with 1,000 partners × 100 companies × 10
 * tasks (generated in SQL, see api-data.ts), the real API (buildApp, pool of 10) listening on a
 * local port, and autocannon driving 50 connections that cycle over 20 partners' sessions. Three
 * scenarios (page 1, page 2 through the cursor, sort=newest), each run --runs times, interleaved;
 * the report gives medians, and the EXPLAIN (ANALYZE, BUFFERS) of the queries one request runs.
 * With --rate N, a fourth scenario sends page 1 at a fixed N requests/s (open loop).
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { dataSize, generateData, partnerId } from "./api-data.ts";
import { capturedQueries, type ExplainedQuery, explainAll } from "./api-explain.ts";
import {
  buildScenarios,
  LIST_PATH,
  pageFacts,
  type RunFigures,
  runScenario,
  type Scenario,
} from "./api-load.ts";
import { renderReport, resultsTable, runLine, type ScenarioResult } from "./api-report.ts";
import { adminSession, startApi } from "./api-server.ts";
import * as s from "./support.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    runs: { type: "string", default: "3" },
    partners: { type: "string", default: "1000" },
    sessions: { type: "string", default: "20" },
    rate: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    report: { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const runs = Number(args.runs);
const partners = Number(args.partners);
const sessions = Math.min(Number(args.sessions), partners);
const rate = args.rate ? Number(args.rate) : undefined;
const SHAPE = { partners, companiesPerPartner: 100, tasksPerCompany: 10 };
const adminUrl = process.env.DATABASE_URL ?? s.DEFAULT_URL;
const log = (line: string) => console.log(line);
let created: string | null = null;

/** A fresh migrated and filled database, or the kept one named by --reuse. */
async function prepareDatabase(): Promise<{ name: string; url: string; generated: string }> {
  if (args.reuse) return { name: args.reuse, url: s.databaseUrl(adminUrl, args.reuse), generated: "reused" };
  const name = `bench_api_${randomBytes(3).toString("hex")}`;
  await s.withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  created = name;
  const url = s.databaseUrl(adminUrl, name);
  const database = await openDatabase<Database>({ databaseUrl: url });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  log(`Generating ${partners} partners × 100 companies × 10 tasks in ${name} …`);
  const started = performance.now();
  const counts = await generateData(url, SHAPE);
  const seconds = (performance.now() - started) / 1000;
  log(`  ${counts.companies} companies, ${counts.tasks} tasks in ${seconds.toFixed(0)} s (load ${s.load()})`);
  return { name, url, generated: `generated in ${seconds.toFixed(0)} s` };
}

async function dropDatabase(name: string): Promise<void> {
  await s.withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Partners spread evenly over the data set, so no two sessions share one partner's pages. */
function benchmarkedPartners(): string[] {
  const step = Math.max(1, Math.floor(partners / sessions));
  return Array.from({ length: sessions }, (_, i) => partnerId(1 + i * step));
}

async function explainScenarios(url: string, partner: string, scenarios: Scenario[]) {
  const plans: { title: string; queries: ExplainedQuery[] }[] = [];
  for (const scenario of scenarios) {
    const path = scenario.requests[0]?.path ?? LIST_PATH;
    const queries = await capturedQueries(partner, path.split("?")[1] ?? "");
    // Page 2 and sort=newest change only the page query; their counts are page 1's.
    const wanted = plans.length === 0 ? queries : queries.filter((q) => q.name === "page");
    plans.push({
      title: `${scenario.name}, partner ${partner}`,
      queries: await explainAll(url, partner, wanted),
    });
  }
  return plans;
}

async function main(): Promise<void> {
  const postgres = await s.postgresVersion(adminUrl);
  if (!postgres) throw new Error(`Nothing answers at ${new URL(adminUrl).host}; set DATABASE_URL`);
  log(`# API benchmark, ${new Date().toISOString()}`);
  log(`Machine: ${s.machine()}; PostgreSQL ${postgres}; load average ${s.load()}`);
  const database = await prepareDatabase();
  const api = await startApi(database.url);
  try {
    const size = await dataSize(database.url);
    const partnerIds = benchmarkedPartners();
    const cookies: string[] = [];
    for (const id of partnerIds) cookies.push(await adminSession(api, id));
    const scenarios = await buildScenarios(api.baseUrl, cookies);
    const page = await pageFacts(api.baseUrl, scenarios[0]?.requests[0] ?? { path: LIST_PATH });
    log(`Warm-up: 5 s of page 1 …`);
    await runScenario(api.baseUrl, api.ctx.db, scenarios[0] as Scenario, { connections, duration: 5 });

    const measured: Scenario[] = [...scenarios];
    if (rate)
      measured.push({ name: `page 1 at a fixed ${rate} req/s`, requests: scenarios[0]?.requests ?? [] });
    const collected = measured.map((): RunFigures[] => []);
    const loads: string[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const [index, scenario] of measured.entries()) {
        const load = s.load();
        loads.push(load);
        const fixedRate = rate && index === measured.length - 1 ? rate : undefined;
        const figures = await runScenario(api.baseUrl, api.ctx.db, scenario, {
          connections,
          duration,
          rate: fixedRate,
        });
        collected[index]?.push(figures);
        log(runLine(scenario.name, run, figures, load));
      }
    }
    const results: ScenarioResult[] = measured.map((scenario, i) => ({
      name: scenario.name,
      runs: collected[i] ?? [],
    }));
    log(`\n${resultsTable(results)}\n`);

    const plans = await explainScenarios(database.url, partnerIds[0] as string, scenarios);
    const report = renderReport({
      date: new Date().toISOString().slice(0, 10),
      machine: s.machine(),
      postgres: `PostgreSQL ${postgres} (local, default settings)`,
      loads,
      data:
        `${partners} partners (1 reseller partnership each, every fifth also an MSSP one), ` +
        `${partners * 100} companies, ${size.rows} tasks (tasks table ${size.table}, its indexes ` +
        `${size.indexes}; ${database.generated}); each partner has 1,000 tasks, ${page.matching} of which match the filter for ${partnerIds[0]}.`,
      setup:
        `\`GET ${LIST_PATH}\` (page 1 is ${(page.bytes / 1024).toFixed(0)} KB of JSON), ${connections} connections, ` +
        `${duration} s per run, ${runs} runs per scenario interleaved, requests cycling over ${sessions} ` +
        "partners' admin sessions (cookie), API in one Node process with a pool of 10 connections, " +
        "autocannon in a separate process on the same machine.",
      scenarios: results,
      plans,
    });
    if (args.report) writeFileSync(args.report, report);
    else log(report);
  } finally {
    await api.close();
    if (args.keep || args.reuse) log(`Kept database ${database.name} (reuse with --reuse ${database.name})`);
    else await dropDatabase(database.name);
  }
}

process.on("SIGINT", () => {
  // A kept or reused database stays; a fresh one is dropped even when the run is interrupted.
  const name = created;
  (name && !args.keep ? dropDatabase(name) : Promise.resolve()).finally(() => process.exit(130));
});
await main();
