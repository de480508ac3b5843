/**
 * The portal process's scan queue and schedule. Every scan of the server goes through one queue,
 * so two never run at once in this process (runScan is safe against other processes' scans too,
 * but overlapping runs here would only repeat work):
 * - at most one run waits behind the running one, and every request made meanwhile joins it: a
 *   full scan and targeted rescans merge into one full scan, targeted rescans into one run of the
 *   union of their companies. A waiting run has not started, so it sees everything committed
 *   before it was asked for; each caller gets the ScanRun of the run that covered its request.
 * - the schedule scans everything once at start, then `everyMinutes` after each scheduled scan
 *   ends (never back to back when a scan takes longer than the interval); 0 turns it off.
 */
import type { ScanRun } from "../db/scan-runs.repository.ts";
import type { AppContext } from "./context.ts";
import { runScan, type ScanOptions } from "./scan.ts";

/** What the scheduler reports with; pino's logger (the server's) fits. */
export interface SchedulerLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** setTimeout and clearTimeout, injectable so tests fire the schedule by hand. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Minutes between scheduled full scans; 0 = no schedule (requests still run). */
  readonly everyMinutes: number;
  readonly log?: SchedulerLog;
  readonly timers?: Timers;
  /** The scan to run (default runScan); tests pass one they can hold. */
  readonly scan?: (ctx: AppContext, options: ScanOptions) => Promise<ScanRun>;
}

export interface Scheduler {
  /** Starts the schedule: a full scan now, then every `everyMinutes`. */
  start(): void;
  /** Ends the schedule and waits until the queue is idle (the running scan and any waiting one). */
  stop(): Promise<void>;
  /** A full scan through the queue; resolves with its run, rejects if it failed. */
  scanAll(): Promise<ScanRun>;
  /** A scan of these companies through the queue (ingestion re-evaluates what it touched). */
  rescan(companyIds: readonly string[]): Promise<ScanRun>;
}

interface Waiter {
  resolve(run: ScanRun): void;
  reject(error: unknown): void;
}

/** The run waiting behind the running one; `companyIds` null means every company. */
interface PendingRun {
  companyIds: Set<string> | null;
  readonly waiters: Waiter[];
}

const consoleLog: SchedulerLog = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createScheduler(ctx: AppContext, options: SchedulerOptions): Scheduler {
  const log = options.log ?? consoleLog;
  const timers = options.timers ?? realTimers;
  const scan = options.scan ?? runScan;
  const everyMs = options.everyMinutes * 60_000;
  let pending: PendingRun | null = null;
  let busy = false;
  let idle: Promise<void> = Promise.resolve();
  let timer: unknown;
  let started = false;
  let stopped = false;

  function request(companyIds: readonly string[] | null): Promise<ScanRun> {
    return new Promise<ScanRun>((resolve, reject) => {
      if (!pending) pending = { companyIds: companyIds && new Set(companyIds), waiters: [] };
      else if (companyIds === null) pending.companyIds = null;
      else for (const id of companyIds) pending.companyIds?.add(id);
      pending.waiters.push({ resolve, reject });
      if (!busy) {
        busy = true;
        idle = work();
      }
    });
  }

  async function work(): Promise<void> {
    while (pending) {
      const run = pending;
      pending = null;
      try {
        const result = await scan(ctx, run.companyIds ? { companyIds: [...run.companyIds] } : {});
        for (const waiter of run.waiters) waiter.resolve(result);
      } catch (error) {
        for (const waiter of run.waiters) waiter.reject(error);
      }
    }
    // Synchronously after the last look at `pending`: a request cannot slip in unserved.
    busy = false;
  }

  async function scheduledScan(): Promise<void> {
    timer = undefined;
    try {
      const run = await request(null);
      if (run.errorCount > 0) {
        log.warn(
          { scanRunId: run.id, errorCount: run.errorCount, errors: run.errors.slice(0, 10) },
          "scheduled scan could not evaluate some companies",
        );
      }
    } catch (error) {
      // The next scheduled scan retries; a failed scan must not end the server.
      log.error({ err: error }, "scheduled scan failed");
    }
    if (!stopped) timer = timers.set(() => void scheduledScan(), everyMs);
  }

  return {
    start() {
      if (started || stopped || everyMs <= 0) return;
      started = true;
      timer = timers.set(() => void scheduledScan(), 0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      while (busy) await idle;
    },
    scanAll: () => request(null),
    rescan: (companyIds) => request(companyIds),
  };
}
