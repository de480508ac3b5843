/**
 * One scan, alone in its own process, so its memory is measured apart from the data generator and
 * the benchmark's bookkeeping: `node --expose-gc --import tsx bench/scan-worker.ts <postgres-url>`.
 * Prints one JSON line: the scan's wall time, its run counts and its memory (start, peak, maxRSS).
 */

import { fixedClock } from "../src/app/clock.ts";
import { createAppContext } from "../src/app/context.ts";
import { runScan } from "../src/app/scan.ts";
import { openDatabase } from "../src/db/connection.ts";
import type { Database } from "../src/db/schema.ts";
import { AT, clientCpuMs, mb, sampleMemory, serverCpu, serverCpuSpent, TIME_ZONE } from "./support.ts";

export interface WorkerResult {
  readonly ms: number;
  /** CPU milliseconds: this process (user + system) plus the PostgreSQL backends it used. */
  readonly cpuMs: number;
  readonly serverCpuMs: number;
  readonly companiesScanned: number;
  readonly opened: number;
  readonly updated: number;
  readonly resolved: number;
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly heapStartMb: number;
  readonly heapPeakMb: number;
  /** process.resourceUsage().maxRSS before and after the scan (start-up included, so an upper bound). */
  readonly maxRssStartMb: number;
  readonly maxRssMb: number;
}

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error("usage: scan-worker.ts <postgres-url>");
  const database = await openDatabase<Database>({ databaseUrl: url });
  try {
    const ctx = createAppContext(database.db, { timeZone: TIME_ZONE, clock: fixedClock(AT) });
    globalThis.gc?.();
    const cpuBefore = await serverCpu(database.db);
    const maxRssStartMb = mb(process.resourceUsage().maxRSS * 1024);
    const memory = sampleMemory();
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const run = await runScan(ctx, { at: AT });
    const ms = performance.now() - started;
    const clientMs = clientCpuMs(cpuStart);
    const peak = memory.stop();
    const serverCpuMs = serverCpuSpent(cpuBefore, await serverCpu(database.db));
    const result: WorkerResult = {
      ms,
      cpuMs: clientMs + serverCpuMs,
      serverCpuMs,
      companiesScanned: run.companiesScanned,
      opened: run.tasksOpened,
      updated: run.tasksUpdated,
      resolved: run.tasksResolved,
      ...peak,
      maxRssStartMb,
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

await main();
