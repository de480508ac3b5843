/**
 * The scan queue and schedule: never two scans at once, requests made meanwhile merged into one
 * follow-up run, failures reported without stopping the schedule, stop() waiting for the running
 * scan. Timers are fired by hand and the scan is held by the test: nothing depends on wall time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.ts";
import type { ScanOptions } from "../../src/app/scan.ts";
import { createScheduler, type SchedulerLog, type Timers } from "../../src/app/scheduler.ts";
import type { ScanRun } from "../../src/db/scan-runs.repository.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { contextAt, importText, openMigratedDatabase } from "../support/portal.ts";

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function runOf(options: ScanOptions, overrides: Partial<ScanRun> = {}): ScanRun {
  return {
    id: `run-${options.companyIds?.join("+") ?? "all"}`,
    at: "2026-12-04T09:00:00.000Z",
    companyId: null,
    startedAt: "2026-12-04T09:00:00.000Z",
    finishedAt: "2026-12-04T09:00:00.000Z",
    status: "completed",
    companiesScanned: options.companyIds?.length ?? 10,
    tasksOpened: 0,
    tasksUpdated: 0,
    tasksResolved: 0,
    errorCount: 0,
    errors: [],
    ...overrides,
  };
}

/** A scan the test finishes by hand, recording every call and the most ever running at once. */
function heldScans() {
  const calls: {
    companyIds: string[] | null;
    finish: (run?: Partial<ScanRun>) => void;
    fail: (e: Error) => void;
  }[] = [];
  let running = 0;
  let maxRunning = 0;
  const scan = (_ctx: AppContext, options: ScanOptions) =>
    new Promise<ScanRun>((resolve, reject) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      const done = () => {
        running -= 1;
      };
      calls.push({
        companyIds: options.companyIds ? [...options.companyIds].sort() : null,
        finish: (overrides) => {
          done();
          resolve(runOf(options, overrides));
        },
        fail: (error) => {
          done();
          reject(error);
        },
      });
    });
  return { scan, calls, maxRunning: () => maxRunning };
}

/** Timers that fire only when the test says so. */
function manualTimers() {
  const queue: { callback: () => void; ms: number }[] = [];
  const timers: Timers = {
    set(callback, ms) {
      const entry = { callback, ms };
      queue.push(entry);
      return entry;
    },
    clear(handle) {
      const index = queue.indexOf(handle as (typeof queue)[number]);
      if (index >= 0) queue.splice(index, 1);
    },
  };
  return {
    timers,
    delays: () => queue.map((t) => t.ms),
    async fire() {
      const next = queue.shift();
      if (!next) throw new Error("no timer is set");
      next.callback();
      await settle();
    },
  };
}

function recordingLog() {
  const lines: { level: string; message: string; details: object }[] = [];
  const log: SchedulerLog = {
    warn: (details, message) => lines.push({ level: "warn", message, details }),
    error: (details, message) => lines.push({ level: "error", message, details }),
  };
  return { log, lines };
}

const ctx = {} as AppContext;

describe("scheduler queue", () => {
  it("never runs two scans at once; rescans asked meanwhile become one run of their union", async () => {
    const held = heldScans();
    const scheduler = createScheduler(ctx, { everyMinutes: 0, scan: held.scan });
    const full = scheduler.scanAll();
    await settle();
    const a = scheduler.rescan(["c-1", "c-2"]);
    const b = scheduler.rescan(["c-2", "c-3"]);
    await settle();
    expect(held.calls.map((c) => c.companyIds)).toEqual([null]);

    held.calls[0]?.finish();
    await settle();
    expect(held.calls.map((c) => c.companyIds)).toEqual([null, ["c-1", "c-2", "c-3"]]);
    held.calls[1]?.finish();
    const [fullRun, aRun, bRun] = await Promise.all([full, a, b]);
    expect(fullRun.id).toBe("run-all");
    expect(aRun).toBe(bRun);
    expect(aRun.companiesScanned).toBe(3);
    expect(held.maxRunning()).toBe(1);
  });

  it("a full scan asked while rescans wait absorbs them: one run covers all", async () => {
    const held = heldScans();
    const scheduler = createScheduler(ctx, { everyMinutes: 0, scan: held.scan });
    const first = scheduler.rescan(["c-9"]);
    await settle();
    const rescan = scheduler.rescan(["c-1"]);
    const full = scheduler.scanAll();
    const alsoFull = scheduler.scanAll();
    held.calls[0]?.finish();
    await settle();
    held.calls[1]?.finish();
    await Promise.all([first, rescan, full, alsoFull]);
    expect(held.calls.map((c) => c.companyIds)).toEqual([["c-9"], null]);
    expect(await rescan).toBe(await full);
    expect(await alsoFull).toBe(await full);
  });

  it("a failed scan rejects its callers, and the queue goes on", async () => {
    const held = heldScans();
    const scheduler = createScheduler(ctx, { everyMinutes: 0, scan: held.scan });
    const failing = scheduler.rescan(["c-1"]);
    await settle();
    held.calls[0]?.fail(new Error("database went away"));
    await expect(failing).rejects.toThrow("database went away");
    const next = scheduler.scanAll();
    await settle();
    held.calls[1]?.finish();
    expect((await next).status).toBe("completed");
  });

  it("stop() waits for the running scan and the one waiting behind it", async () => {
    const held = heldScans();
    const scheduler = createScheduler(ctx, { everyMinutes: 0, scan: held.scan });
    void scheduler.scanAll();
    await settle();
    void scheduler.rescan(["c-1"]);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    held.calls[0]?.finish();
    await settle();
    expect(stopped).toBe(false);
    held.calls[1]?.finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe("scheduler schedule", () => {
  it("scans at start, then every N minutes after each scheduled scan ends", async () => {
    const held = heldScans();
    const clock = manualTimers();
    const scheduler = createScheduler(ctx, { everyMinutes: 30, scan: held.scan, timers: clock.timers });
    scheduler.start();
    scheduler.start(); // a second start changes nothing
    expect(clock.delays()).toEqual([0]);
    await clock.fire();
    expect(held.calls).toHaveLength(1);
    expect(clock.delays()).toEqual([]); // the next is set when this one ends, never back to back
    held.calls[0]?.finish();
    await settle();
    expect(clock.delays()).toEqual([30 * 60_000]);
    await clock.fire();
    expect(held.calls.map((c) => c.companyIds)).toEqual([null, null]);
    held.calls[1]?.finish();
    await scheduler.stop();
    expect(clock.delays()).toEqual([]);
  });

  it("logs a failed or partial scheduled scan and keeps the schedule", async () => {
    const held = heldScans();
    const clock = manualTimers();
    const { log, lines } = recordingLog();
    const scheduler = createScheduler(ctx, { everyMinutes: 5, scan: held.scan, timers: clock.timers, log });
    scheduler.start();
    await clock.fire();
    held.calls[0]?.fail(new Error("boom"));
    await settle();
    expect(lines).toEqual([
      { level: "error", message: "scheduled scan failed", details: { err: new Error("boom") } },
    ]);
    expect(clock.delays()).toEqual([5 * 60_000]);
    await clock.fire();
    held.calls[1]?.finish({ errorCount: 1, errors: [{ companyId: "c-7", message: "bad facts" }] });
    await settle();
    expect(lines[1]).toMatchObject({ level: "warn", details: { errorCount: 1 } });
    expect(clock.delays()).toEqual([5 * 60_000]);
    await scheduler.stop();
  });

  it("with 0 minutes there is no schedule, but requests still run", async () => {
    const held = heldScans();
    const clock = manualTimers();
    const scheduler = createScheduler(ctx, { everyMinutes: 0, scan: held.scan, timers: clock.timers });
    scheduler.start();
    expect(clock.delays()).toEqual([]);
    const run = scheduler.rescan(["c-1"]);
    await settle();
    held.calls[0]?.finish();
    expect((await run).companiesScanned).toBe(1);
  });

  it("stop() before the first tick cancels it", async () => {
    const held = heldScans();
    const clock = manualTimers();
    const scheduler = createScheduler(ctx, { everyMinutes: 10, scan: held.scan, timers: clock.timers });
    scheduler.start();
    await scheduler.stop();
    expect(clock.delays()).toEqual([]);
    expect(held.calls).toHaveLength(0);
  });
});

describe.each(testDatabaseKinds())("scheduler with the real scan on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openMigratedDatabase>>;
  beforeAll(async () => {
    database = await openMigratedDatabase(kind);
  });
  afterAll(() => database.close());

  it("rescan evaluates only the companies asked for; scanAll every company", async () => {
    const at = "2026-12-04T09:00:00Z";
    const ctx = contextAt(database.db, at);
    await importText(
      ctx,
      JSON.stringify({
        partners: [{ id: "p", name: "P" }],
        partnerships: [{ id: "p-r", partnerId: "p", name: "P Resale", type: "reseller" }],
        companies: [
          { id: "c-1", partnershipId: "p-r", name: "One" },
          { id: "c-2", partnershipId: "p-r", name: "Two" },
        ],
        scanners: [{ id: "sa", companyId: "c-1", name: "HQ", status: "offline" }],
      }),
    );
    const scheduler = createScheduler(ctx, { everyMinutes: 0 });
    const [one, all] = await Promise.all([scheduler.rescan(["c-1"]), scheduler.scanAll()]);
    expect(one).toMatchObject({ companyId: "c-1", companiesScanned: 1, tasksOpened: 1, status: "completed" });
    expect(all).toMatchObject({ companyId: null, companiesScanned: 2, tasksOpened: 0, status: "completed" });
    await scheduler.stop();
  });
});
