/**
 * The scan: evaluate companies as of one instant and reconcile their stored tasks
 * (spec: tasks.md § Task lifecycle). Companies go in fixed-size batches, each in its own
 * transaction: a few set-based reads, pure evaluation, one write per kind. Memory stays flat and
 * a scan killed half-way leaves every committed batch complete; the next scan finishes the rest.
 */

import type { Kysely } from "kysely";
import { instantDaysBefore } from "../core/dates.ts";
import { evaluateCompany } from "../core/evaluate.ts";
import { groupBy } from "../core/group-by.ts";
import type { CompanyFacts } from "../core/model.ts";
import { planReconciliation } from "../core/reconcile.ts";
import type { Finding, Task, TaskEvent } from "../core/task.ts";
import { isTransientConflict } from "../db/connection.ts";
import { type CompanyScope, companiesAfter, loadFacts } from "../db/facts.repository.ts";
import {
  addScanRunProgress,
  finishScanRun,
  markInterruptedRuns,
  type ScanRun,
  type ScanRunProgress,
  startScanRun,
} from "../db/scan-runs.repository.ts";
import type { Database } from "../db/schema.ts";
import { insertEvents, lastResolvedIds, liveTasksOf, saveTasks } from "../db/tasks.repository.ts";
import type { AppContext } from "./context.ts";

export interface ScanOptions {
  /** The evaluation instant (default: the clock's now). */
  readonly at?: Date;
  /** Scan only these companies (ingestion re-evaluates what it touched). */
  readonly companyIds?: readonly string[];
  readonly batchSize?: number;
  readonly onProgress?: (companiesScanned: number) => void;
}

const DEFAULT_BATCH_SIZE = 500;
/** A run whose heartbeat is older than this died with its process. */
const STALE_RUN_MINUTES = 10;
/** A unique-index conflict or deadlock means another scan won a race; re-reading settles it. */
const MAX_BATCH_ATTEMPTS = 3;

export async function runScan(ctx: AppContext, options: ScanOptions = {}): Promise<ScanRun> {
  const at = options.at ?? ctx.clock.now();
  const runId = ctx.newId();
  const startedAt = ctx.clock.now();
  await markInterruptedRuns(ctx.db, new Date(startedAt.getTime() - STALE_RUN_MINUTES * 60_000).toISOString());
  const only = options.companyIds;
  await startScanRun(ctx.db, {
    id: runId,
    at: at.toISOString(),
    companyId: only?.length === 1 ? (only[0] ?? null) : null,
    startedAt: startedAt.toISOString(),
  });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let scanned = 0;
  const step = async (selection: Selection) => {
    const batch = await scanBatchWithRetry(ctx, runId, at, selection, batchSize);
    scanned += batch.count;
    options.onProgress?.(scanned);
    return batch;
  };
  try {
    if (only) {
      // Targeted scans go by chunks of the given ids, so a huge list never becomes one huge query.
      const ids = [...new Set(only)].sort();
      for (let i = 0; i < ids.length; i += batchSize)
        await step({ afterId: null, ids: ids.slice(i, i + batchSize) });
    } else {
      let afterId: string | null = null;
      for (;;) {
        const batch = await step({ afterId });
        if (batch.count < batchSize) break;
        afterId = batch.lastId;
      }
    }
  } catch (error) {
    await finishScanRun(ctx.db, runId, "failed", ctx.clock.now().toISOString());
    throw error;
  }
  return finishScanRun(ctx.db, runId, "completed", ctx.clock.now().toISOString());
}

/** Which companies a batch takes: the next ones after an id, or a given list. */
interface Selection {
  readonly afterId: string | null;
  readonly ids?: readonly string[];
}

interface BatchResult {
  readonly count: number;
  readonly lastId: string | null;
}

async function scanBatchWithRetry(
  ctx: AppContext,
  runId: string,
  at: Date,
  selection: Selection,
  batchSize: number,
): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db
        .transaction()
        .execute((trx) => scanBatch(ctx, trx, runId, at, selection, batchSize));
    } catch (error) {
      if (!isTransientConflict(error) || attempt >= MAX_BATCH_ATTEMPTS) throw error;
    }
  }
}

async function scanBatch(
  ctx: AppContext,
  trx: Kysely<Database>,
  runId: string,
  at: Date,
  selection: Selection,
  batchSize: number,
): Promise<BatchResult> {
  const companies = await companiesAfter(trx, selection.afterId, batchSize, selection.ids);
  if (companies.length === 0) return { count: 0, lastId: selection.afterId };
  const context = { now: at, timeZone: ctx.timeZone, settings: ctx.settings };
  const scansSince = instantDaysBefore(at, ctx.settings.failedScans.windowDays).toISOString();
  const ids = companies.map((c) => c.company.id);
  // A full scan's batch is every company from its first id to its last: query that range.
  const scope: CompanyScope = selection.ids ? { ids } : { from: ids[0] as string, to: ids.at(-1) as string };
  const [facts, live] = await Promise.all([
    loadFacts(trx, companies, { at: at.toISOString(), scansSince }, scope),
    liveTasksOf(trx, ids, scope),
  ]);

  const errors: { companyId: string; message: string }[] = [];
  const evaluated: { facts: CompanyFacts; findings: Finding[] }[] = [];
  for (const loaded of facts) {
    // A failed check is not a cleared condition: a company that cannot be evaluated keeps its tasks.
    if ("error" in loaded) {
      errors.push({ companyId: loaded.companyId, message: loaded.error });
      continue;
    }
    try {
      evaluated.push({ facts: loaded.facts, findings: evaluateCompany(loaded.facts, context) });
    } catch (error) {
      errors.push({
        companyId: loaded.companyId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  const liveByCompany = groupBy(live, (t) => t.companyId);
  const liveFingerprints = new Set(live.map((t) => t.fingerprint));
  const toOpen = evaluated.flatMap((e) => e.findings).filter((f) => !liveFingerprints.has(f.fingerprint));
  const resolvedIds = await lastResolvedIds(
    trx,
    toOpen.map((f) => f.fingerprint),
  );

  const changed: Task[] = [];
  const events: TaskEvent[] = [];
  const progress = { opened: 0, updated: 0, resolved: 0 };
  for (const { facts: f, findings } of evaluated) {
    const plan = planReconciliation({
      partnerId: f.partnership.partnerId,
      partnershipId: f.partnership.id,
      active: liveByCompany.get(f.company.id) ?? [],
      lastResolvedIds: resolvedIds,
      findings,
      now: at,
      newId: ctx.newId,
    });
    changed.push(...plan.opened, ...plan.updated, ...plan.resolved);
    events.push(...plan.events);
    progress.opened += plan.opened.length;
    progress.updated += plan.updated.length;
    progress.resolved += plan.resolved.length;
  }

  await saveTasks(trx, changed);
  const partnerOfTask = new Map(changed.map((t) => [t.id, t.partnerId]));
  await insertEvents(trx, events, (taskId) => partnerOfTask.get(taskId) ?? "");
  const runProgress: ScanRunProgress = {
    companiesScanned: companies.length,
    tasksOpened: progress.opened,
    tasksUpdated: progress.updated,
    tasksResolved: progress.resolved,
    errors,
  };
  await addScanRunProgress(trx, runId, runProgress, ctx.clock.now().toISOString());
  return { count: companies.length, lastId: companies.at(-1)?.company.id ?? selection.afterId };
}
