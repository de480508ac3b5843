/**
 * `npm run bench [-- --sizes 1000,10000,100000 --db pglite,postgres --runs N --keep]`
 *
 * For each database and company count: a fresh database, the demo data set imported through
 * importRecords (records/s), then per run a first scan and a no-change rescan at the same instant,
 * each compared with the floor (every input row the scan needs, read once). Scans on PostgreSQL run
 * in a child process (bench/scan-worker.ts) so their memory is the scan's alone. See
 * docs/benchmarks.md for the figures and how to read them.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "kysely";
import { fixedClock } from "../src/app/clock.ts";
import { type AppContext, createAppContext } from "../src/app/context.ts";
import { demoRecords } from "../src/app/demo/demo-records.ts";
import { importRecords } from "../src/app/import/import-records.ts";
import type { ReadItem } from "../src/app/import/read-records.ts";
import { runScan } from "../src/app/scan.ts";
import { instantDaysBefore } from "../src/core/dates.ts";
import type { ImportRecord } from "../src/core/records.ts";
import { DEFAULT_RULE_SETTINGS } from "../src/core/settings.ts";
import { type DatabaseKind, openDatabase } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import type { WorkerResult } from "./scan-worker.ts";
import * as s from "./support.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORKER = fileURLToPath(new URL("scan-worker.ts", import.meta.url));
/** PGlite keeps the whole database in this process's memory (1.2 GB seen at 100k companies). */
const PGLITE_DEFAULT_MAX = 10_000;
const SCANS_SINCE = instantDaysBefore(s.AT, DEFAULT_RULE_SETTINGS.failedScans.windowDays);

interface Timing {
  readonly ms: number;
  /** Client plus server CPU (PGlite: the process, which holds both). */
  readonly cpuMs: number;
}

interface ScanFigures extends Timing {
  readonly opened: number;
  readonly updated: number;
  readonly resolved: number;
  /** Growth during the scan: PostgreSQL, the worker's RSS; PGlite, the heap (in process). */
  readonly growthMb: number;
  /** PostgreSQL: the worker's peak RSS during the scan; PGlite: the process RSS growth (WASM included). */
  readonly peakMb: number;
  readonly note?: string;
}

interface SizeResult {
  readonly companies: number;
  readonly records: number;
  readonly importMs: number;
  readonly importCpuMs: number;
  readonly generatorMs: number;
  readonly floorEmpty: Timing;
  readonly floorLive: Timing;
  readonly floorRows: number;
  readonly first: ScanFigures;
  readonly rescan: ScanFigures;
  readonly runs: number;
  readonly load: string;
}

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string" },
    db: { type: "string", default: "pglite,postgres" },
    runs: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = (args.sizes ?? "1000,10000,100000").split(",").map(Number);
const kinds = args.db.split(",") as DatabaseKind[];
const adminUrl = process.env.DATABASE_URL ?? s.DEFAULT_URL;
const created = new Set<string>();

/** Each item's location as load-demo.ts gives it; the time spent generating is added to `clock`. */
async function* timedItems(records: Iterator<ImportRecord>, clock: { ms: number }): AsyncGenerator<ReadItem> {
  for (let index = 1; ; index++) {
    const started = performance.now();
    const next = records.next();
    clock.ms += performance.now() - started;
    if (next.done) return;
    yield { location: `demo record ${index}`, ok: true, value: next.value };
  }
}

async function scanInWorker(url: string): Promise<ScanFigures> {
  const args = ["--expose-gc", "--import", "tsx", WORKER, url];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
  const r = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as WorkerResult;
  const note = `maxRSS ${r.maxRssStartMb.toFixed(0)} → ${r.maxRssMb.toFixed(0)} MB`;
  return { ...r, growthMb: r.rssPeakMb - r.rssStartMb, peakMb: r.rssPeakMb, note };
}

async function scanInProcess(ctx: AppContext): Promise<ScanFigures> {
  gc();
  const memory = s.sampleMemory();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const run = await runScan(ctx, { at: s.AT });
  const ms = performance.now() - started;
  const cpuMs = s.clientCpuMs(cpuStart);
  const m = memory.stop();
  return {
    ms,
    cpuMs,
    opened: run.tasksOpened,
    updated: run.tasksUpdated,
    resolved: run.tasksResolved,
    growthMb: m.heapPeakMb - m.heapStartMb,
    peakMb: m.rssPeakMb - m.rssStartMb,
  };
}

async function openFresh(kind: DatabaseKind, companies: number) {
  if (kind === "pglite") return { url: null, ...(await openDatabase<Database>({})) };
  const name = `bench_${companies}_${randomBytes(3).toString("hex")}`;
  await s.withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  created.add(name);
  const url = s.databaseUrl(adminUrl, name);
  return { url, ...(await openDatabase<Database>({ databaseUrl: url })) };
}

async function dropDatabase(name: string): Promise<void> {
  await s.withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  created.delete(name);
}

async function benchSize(kind: DatabaseKind, companies: number, runs: number): Promise<SizeResult> {
  const database = await openFresh(kind, companies);
  const log = (what: string) => console.log(`  [${kind} ${companies}] ${what} (load ${s.load()})`);
  try {
    const { db } = database;
    await migrateToLatest(db);
    const ctx = createAppContext(db, { timeZone: s.TIME_ZONE, clock: fixedClock(s.AT) });
    const generator = { ms: 0 };
    const records = demoRecords({ companies, seed: s.SEED, now: s.AT, timeZone: s.TIME_ZONE });
    const local = kind === "postgres";
    const serverBefore = local ? await s.serverCpu(db) : new Map();
    const cpuStart = process.cpuUsage();
    const importStart = performance.now();
    const summary = await importRecords(ctx, timedItems(records, generator));
    const importMs = performance.now() - importStart;
    const clientMs = s.clientCpuMs(cpuStart);
    const serverMs = local ? s.serverCpuSpent(serverBefore, await s.serverCpu(db)) : 0;
    const importCpuMs = clientMs + serverMs;
    log(
      `imported ${summary.recordsRead} records in ${ms(importMs)} (generator ${ms(generator.ms)}); ` +
        (local
          ? `CPU: client ${ms(clientMs)}, server ${ms(serverMs)}`
          : `CPU ${ms(clientMs)} (PGlite included)`),
    );
    // What autovacuum would do within a minute of a bulk load; without it the plans are guesses.
    await sql`analyze`.execute(db);

    const scan = () => (database.url ? scanInWorker(database.url) : scanInProcess(ctx));
    const samples: { floorEmpty: Timing; floorLive: Timing; first: ScanFigures; rescan: ScanFigures }[] = [];
    let floorRows = 0;
    for (let run = 1; run <= runs; run++) {
      await s.clearScanOutput(db);
      const floorEmpty = await s.readFloor(db, s.AT, SCANS_SINCE, local);
      const first = await scan();
      const floorLive = await s.readFloor(db, s.AT, SCANS_SINCE, local);
      const rescan = await scan();
      floorRows = floorLive.rows;
      samples.push({ floorEmpty, floorLive, first, rescan });
      log(
        `run ${run}: floor ${both(floorEmpty)} / ${both(floorLive)}, first ${both(first)} ` +
          `(+${first.opened} tasks), rescan ${both(rescan)} (${changes(rescan)} changes)` +
          (first.note ? `; ${first.note}, ${rescan.note}` : ""),
      );
    }
    const med = (pick: (x: (typeof samples)[number]) => Timing): Timing => ({
      ms: s.median(samples.map((x) => pick(x).ms)),
      cpuMs: s.median(samples.map((x) => pick(x).cpuMs)),
    });
    const medianWithPeakMemory = (pick: (x: (typeof samples)[number]) => ScanFigures): ScanFigures => {
      const all = samples.map(pick);
      const base = all.at(-1) as ScanFigures;
      return {
        ...base,
        ms: s.median(all.map((f) => f.ms)),
        cpuMs: s.median(all.map((f) => f.cpuMs)),
        growthMb: Math.max(...all.map((f) => f.growthMb)),
        peakMb: Math.max(...all.map((f) => f.peakMb)),
      };
    };
    if (args.keep && database.url) console.log(`  kept: ${database.url}`);
    return {
      companies,
      records: summary.recordsRead,
      importMs,
      importCpuMs,
      generatorMs: generator.ms,
      floorEmpty: med((x) => x.floorEmpty),
      floorLive: med((x) => x.floorLive),
      floorRows,
      first: medianWithPeakMemory((x) => x.first),
      rescan: medianWithPeakMemory((x) => x.rescan),
      runs,
      load: s.load(),
    };
  } finally {
    await database.close();
    const name = database.url && new URL(database.url).pathname.slice(1);
    if (name && !args.keep) await dropDatabase(name);
  }
}

const ms = (value: number) => (value < 10_000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(1)} s`);
const both = (t: Timing) => `${ms(t.ms)} (CPU ${ms(t.cpuMs)})`;
const ratio = (t: Timing, floor: Timing) =>
  `${ms(t.ms)} (${(t.ms / floor.ms).toFixed(1)}×), CPU ${ms(t.cpuMs)} (${(t.cpuMs / floor.cpuMs).toFixed(1)}×)`;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const changes = (f: ScanFigures) => f.opened + f.updated + f.resolved;

function table(kind: DatabaseKind, results: readonly SizeResult[]): string {
  const memory =
    kind === "postgres"
      ? "worker peak RSS during first scan (growth), rescan (growth)"
      : "heap growth during first scan, rescan / process RSS growth";
  const head = [
    "companies",
    "records",
    "import rec/s: wall (excl. generator) / per CPU s",
    "floor, no tasks / live tasks: wall, CPU (rows)",
    "first scan: wall (×floor), CPU (×floor)",
    "rescan: wall (×floor), CPU (×floor)",
    `${memory} (MB)`,
    "tasks opened / rescan changes",
    "runs",
    "load",
  ];
  const rows = results.map((r) => [
    int(r.companies),
    int(r.records),
    `${int(r.records / (r.importMs / 1000))} (${int(r.records / ((r.importMs - r.generatorMs) / 1000))}) / ${int(r.records / (r.importCpuMs / 1000))}`,
    `${ms(r.floorEmpty.ms)}, ${ms(r.floorEmpty.cpuMs)} / ${ms(r.floorLive.ms)}, ${ms(r.floorLive.cpuMs)} (${int(r.floorRows)})`,
    ratio(r.first, r.floorEmpty),
    ratio(r.rescan, r.floorLive),
    kind === "postgres"
      ? `${r.first.peakMb.toFixed(0)} (+${r.first.growthMb.toFixed(0)}), ${r.rescan.peakMb.toFixed(0)} (+${r.rescan.growthMb.toFixed(0)})`
      : `${r.first.growthMb.toFixed(0)}, ${r.rescan.growthMb.toFixed(0)} / ${Math.max(r.first.peakMb, r.rescan.peakMb).toFixed(0)}`,
    `${int(r.first.opened)} / ${changes(r.rescan)}`,
    String(r.runs),
    r.load,
  ]);
  return [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

async function main(): Promise<void> {
  const pgVersion = kinds.includes("postgres") ? await s.postgresVersion(adminUrl) : null;
  console.log(`# Scan benchmark, ${new Date().toISOString()}`);
  console.log(`Machine: ${s.machine()}; load average ${s.load()}`);
  console.log(`Scan instant ${s.AT.toISOString()}, ${s.TIME_ZONE}, seed ${s.SEED}`);
  if (kinds.includes("postgres")) {
    console.log(
      pgVersion ? `PostgreSQL ${pgVersion} at ${new URL(adminUrl).host}` : "PostgreSQL unreachable",
    );
  }
  const tables: string[] = [];
  for (const kind of kinds) {
    if (kind === "postgres" && !pgVersion) {
      console.log(`\nSkipping PostgreSQL: nothing answers at ${new URL(adminUrl).host} (set DATABASE_URL).`);
      continue;
    }
    let kindSizes = sizes;
    if (kind === "pglite" && !args.sizes) {
      kindSizes = sizes.filter((n) => n <= PGLITE_DEFAULT_MAX);
      console.log(
        `\nPGlite sizes default to ≤ ${int(PGLITE_DEFAULT_MAX)} companies: PGlite holds the whole database ` +
          "in this process's memory (1.2 GB seen at 100k); pass --sizes to force larger ones.",
      );
    }
    const results: SizeResult[] = [];
    for (const companies of kindSizes) {
      const runs = args.runs ? Number(args.runs) : companies <= 10_000 ? 3 : 1;
      results.push(await benchSize(kind, companies, runs));
    }
    const title = kind === "postgres" ? `PostgreSQL ${pgVersion}` : "PGlite (in memory, scan in process)";
    tables.push(`\n## ${title}\n\n${table(kind, results)}`);
  }
  console.log(tables.join("\n"));
  console.log("\nScan times are medians of the runs; memory is the largest of the runs.");
}

process.on("SIGINT", () => {
  Promise.all([...created].map(dropDatabase)).finally(() => process.exit(130));
});
await main();
