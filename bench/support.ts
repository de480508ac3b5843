/**
 * Shared by the scan benchmark and its worker: the fixed scan instant, the floor query, a memory
 * sampler, fresh PostgreSQL databases, and the machine description printed with the figures.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Database } from "../src/db/schema.ts";

/** Every data set is generated relative to this instant and every scan evaluates at it. */
export const AT = new Date("2025-06-02T08:00:00.000Z");
export const TIME_ZONE = "Europe/Stockholm";
export const SEED = 42;
/** Where PostgreSQL is looked for when DATABASE_URL is not set. */
export const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export const mb = (bytes: number) => bytes / 1_048_576;
export const load = () => loadavg()[0]?.toFixed(2) ?? "?";

export interface MemoryPeak {
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly heapStartMb: number;
  readonly heapPeakMb: number;
}

/** Samples rss and heapUsed every 50 ms (and at stop) until stopped; returns start and peak. */
export function sampleMemory(intervalMs = 50): { stop(): MemoryPeak } {
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  const take = () => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return {
        rssStartMb: mb(start.rss),
        rssPeakMb: mb(rssPeak),
        heapStartMb: mb(start.heapUsed),
        heapPeakMb: mb(heapPeak),
      };
    },
  };
}

/**
 * The floor: every input row one scan reads, each read once, in one transaction, with plain SQL on
 * the same Kysely connection (and so through the same type parsers). Returns milliseconds and rows.
 */
export async function readFloor(
  db: Kysely<Database>,
  at: Date,
  scansSince: Date,
  localServer: boolean,
): Promise<{ ms: number; cpuMs: number; rows: number }> {
  const cpuBefore = localServer ? await serverCpu(db) : new Map<number, number>();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const atIso = at.toISOString();
  const rows = await db.transaction().execute(async (trx) => {
    const queries = [
      sql`select c.id, c.partnership_id, c.name, c.account_state, c.tags,
                 p.partner_id, p.name as partnership_name, p.type
          from companies c join partnerships p on p.id = c.partnership_id order by c.id`,
      sql`select * from orders`,
      sql`select distinct on (company_id, product) company_id, product, used, measured_at
          from usage where measured_at <= ${atIso}
          order by company_id, product, measured_at desc`,
      sql`select * from activity`,
      sql`select * from scanners`,
      sql`select * from scans where started_at > ${scansSince.toISOString()} and started_at <= ${atIso}`,
      sql`select * from tasks where status <> 'resolved'`,
    ];
    let count = 0;
    for (const query of queries) count += (await query.execute(trx)).rows.length;
    return count;
  });
  const ms = performance.now() - started;
  const server = localServer ? serverCpuSpent(cpuBefore, await serverCpu(db)) : 0;
  const cpuMs = clientCpuMs(cpuStart) + server;
  return { ms, cpuMs, rows };
}

/** CPU time of the server processes serving this database (local server only), by pid. */
export async function serverCpu(db: Kysely<Database>): Promise<Map<number, number>> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime, stime in 1/100 s.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // not a local server, or the backend has gone
    }
  }
  return cpu;
}

/** Server CPU milliseconds spent between two serverCpu readings (new backends started at 0). */
export function serverCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** This process's user + system CPU milliseconds since `since` (process.cpuUsage()). */
export function clientCpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Empties what scans write, so the next scan is a first scan again. */
export async function clearScanOutput(db: Kysely<Database>): Promise<void> {
  await sql`truncate task_events, tasks, scan_runs`.execute(db);
}

/** The URL of a sibling database on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server's version, or null when nothing answers at the URL. */
export async function postgresVersion(adminUrl: string): Promise<string | null> {
  try {
    return await withAdmin(
      adminUrl,
      async (c) => (await c.query("show server_version")).rows[0].server_version,
    );
  } catch {
    return null;
  }
}

export function machine(): string {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) model = line.split(":")[1]?.trim() ?? model;
  } catch {
    // not Linux: os.cpus() has the model
  }
  const ram = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus().length} cores, ${ram} GB RAM, Node ${process.version}`;
}

/** Median of the numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
