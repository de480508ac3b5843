/**
 * What the vendor's platform reports about a company's operations: product activity and usage (MSSP
 * companies), scanner appliances and SNS/WAS scans (everyone). Stratified draws decide the ones that
 * raise tasks (spec: tasks.md § 3–6); the rest is healthy noise with realistic rough edges.
 */
import type {
  ProductActivity,
  Scan,
  Scanner,
  ScannerStatus,
  ScanStatus,
  UsageMeasurement,
} from "../../core/model.ts";
import type { ScannedProduct } from "../../core/products.ts";
import { lastMeasurementAt, weeklySeries } from "./commercial.ts";
import { type CompanyContext, DAY_MS, HOUR_MS, instant, MINUTE_MS, quantityFor } from "./context.ts";
import { PRODUCT_WEIGHTS, SCANNER_NAMES, SNS_TARGETS, WAS_SUBDOMAINS } from "./names.ts";
import { pickWeighted } from "./random.ts";

/** Days since last use, clear of the 7/14/30-day thresholds; `null` is "enabled but never used". */
type InactivityRange = readonly [number, number] | null;
const INACTIVITY_RANGES: readonly InactivityRange[] = [
  [0, 5], // in use: no task
  [9, 13], // low
  [16, 28], // medium
  [32, 60], // high
  null, // never used since it was enabled 9–60 days ago
];
const withWeights = (weights: readonly number[]) =>
  INACTIVITY_RANGES.map((range, i) => [range, weights[i] ?? 0] as const);
/** The stratified first product carries the spread; a company's other products are mostly in use. */
const FIRST_PRODUCT = withWeights([74, 7, 7, 6, 6]);
const OTHER_PRODUCTS = withWeights([90, 3, 3, 2, 2]);
const ARCHIVED_RANGE: InactivityRange = [90, 400];

const PRODUCT_COUNTS: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 35],
  [3, 25],
  [4, 10],
];

/** Activity of each enabled product; the first product's inactivity is the stratified one. */
export function activityFor(context: CompanyContext): ProductActivity[] {
  const { random, nowMs } = context;
  const products = random.distinct(PRODUCT_WEIGHTS, random.weighted(PRODUCT_COUNTS));
  return products.map((product, index) => {
    const bucket = context.archived
      ? ARCHIVED_RANGE
      : index === 0
        ? pickWeighted(FIRST_PRODUCT, context.draws.usage)
        : pickWeighted(OTHER_PRODUCTS, random.next());
    if (bucket === null) {
      const enabledAt = nowMs - random.real(9, 60) * DAY_MS;
      return { companyId: context.company.id, product, enabledAt: instant(enabledAt), lastUsedAt: null };
    }
    // A few products in use were switched on only days ago and have not been used yet.
    if (bucket[0] === 0 && random.chance(0.04)) {
      const enabledAt = nowMs - random.real(0.2, 5) * DAY_MS;
      return { companyId: context.company.id, product, enabledAt: instant(enabledAt), lastUsedAt: null };
    }
    const lastUsedAt = nowMs - random.real(bucket[0], bucket[1] + 0.7) * DAY_MS;
    const enabledAt = lastUsedAt - random.real(5, 800) * DAY_MS;
    return {
      companyId: context.company.id,
      product,
      enabledAt: instant(enabledAt),
      lastUsedAt: instant(lastUsedAt),
    };
  });
}

/** MSSPs are billed on usage, so each enabled product reports weekly measurements too. */
export function msspUsage(context: CompanyContext, activity: readonly ProductActivity[]): UsageMeasurement[] {
  if (context.archived) return [];
  const { random } = context;
  const latestAt = lastMeasurementAt(context);
  return activity.flatMap(({ product, lastUsedAt }) => {
    // A product never used covers nothing yet, so it bills nothing.
    const used = lastUsedAt === null ? 0 : Math.round(quantityFor(context, product) * random.real(0.4, 1));
    return weeklySeries(context, product, used, latestAt, random.int(3, 5));
  });
}

const SCANNER_COUNTS: readonly (readonly [number, number])[] = [
  [0, 25],
  [1, 40],
  [2, 25],
  [3, 10],
];
/** Share of companies with an inactive appliance, and with a failing SNS / WAS target (tasks.md § 4–6). */
const INACTIVE_SCANNERS_RATE = 0.08;
const FAILING_RATE: Readonly<Record<ScannedProduct, number>> = { SNS: 0.06, WAS: 0.045 };

const SCANNER_NAME_CHOICES = SCANNER_NAMES.map((name) => [name, 1] as const);

/** 0–3 appliances, online with a fresh heartbeat unless this company drew an inactive one. */
export function scannersFor(context: CompanyContext): Scanner[] {
  const { random, nowMs } = context;
  const inactive = context.archived || context.draws.scanners < INACTIVE_SCANNERS_RATE;
  // A company that drew an inactive appliance has at least one; that keeps the drawn rate exact.
  const count = random.weighted(inactive ? SCANNER_COUNTS.slice(1) : SCANNER_COUNTS);
  const names = random.distinct(SCANNER_NAME_CHOICES, count);
  // Usually one appliance of several is down; sometimes the whole site is.
  const allDown = context.archived || context.draws.scanners < INACTIVE_SCANNERS_RATE / 4;
  return names.map((name, index) => {
    let status: ScannerStatus = "online";
    let lastSeenMs = nowMs - random.real(0.2, 15) * MINUTE_MS;
    if (inactive && (index === 0 || allDown)) {
      if (context.archived || random.chance(0.6)) {
        status = "offline";
        lastSeenMs = nowMs - (context.archived ? random.real(60, 300) : random.real(1.5, 20)) * DAY_MS;
      } else {
        // Still "online" by its last report, but the heartbeat stopped more than 24 hours ago.
        lastSeenMs = nowMs - random.real(26, 240) * HOUR_MS;
      }
    }
    const id = `sa-${context.number}-${index + 1}`;
    return { id, companyId: context.company.id, name, status, lastSeenAt: instant(lastSeenMs) };
  });
}

const TARGET_COUNTS: Readonly<Record<ScannedProduct, readonly (readonly [number, number])[]>> = {
  SNS: [
    [0, 8],
    [1, 50],
    [2, 32],
    [3, 10],
  ],
  WAS: [
    [0, 40],
    [1, 42],
    [2, 18],
  ],
};
const INTERVAL_DAYS: readonly (readonly [number, number])[] = [
  [1, 10],
  [2, 30],
  [3, 35],
  [7, 25],
];
const SCAN_OUTCOMES: readonly (readonly [ScanStatus, number])[] = [
  ["finished", 84],
  ["finished-with-warning", 7],
  ["error", 5],
  ["stopped", 4],
];
const HISTORY_DAYS = 10;

/** A scan while its story is being told: times stay numbers until the record is written. */
interface Run {
  readonly product: ScannedProduct;
  readonly target: string;
  readonly startMs: number;
  status: ScanStatus;
  finishMs: number | null;
}

/** Scans of the last ten days, in start order, with ids numbered in that order. */
export function scansFor(context: CompanyContext): Scan[] {
  if (context.archived) return [];
  const runs = [
    ...targetRuns(context, "SNS", context.draws.snsScans < FAILING_RATE.SNS),
    ...targetRuns(context, "WAS", context.draws.wasScans < FAILING_RATE.WAS),
  ].sort((a, b) => a.startMs - b.startMs || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return runs.map((run, index) => ({
    id: `scan-${context.number}-${String(index + 1).padStart(2, "0")}`,
    companyId: context.company.id,
    product: run.product,
    status: run.status,
    startedAt: instant(run.startMs),
    finishedAt: run.finishMs === null ? null : instant(run.finishMs),
    target: run.target,
  }));
}

const SNS_TARGET_CHOICES = SNS_TARGETS.map((target) => [target, 1] as const);
const WAS_SUBDOMAIN_CHOICES = WAS_SUBDOMAINS.map((sub) => [sub, 1] as const);

function targetRuns(context: CompanyContext, product: ScannedProduct, failing: boolean): Run[] {
  const { random, nowMs } = context;
  // A failing company has at least one target of the product, so the drawn rate is the task rate.
  const counts = TARGET_COUNTS[product];
  const count = random.weighted(failing ? counts.slice(1) : counts);
  const targets =
    product === "SNS"
      ? random.distinct(SNS_TARGET_CHOICES, count)
      : random.distinct(WAS_SUBDOMAIN_CHOICES, count).map((sub) => `https://${sub}.${context.domain}`);
  const all: Run[] = [];
  targets.forEach((target, targetIndex) => {
    const interval = random.weighted(INTERVAL_DAYS) * DAY_MS;
    // The latest run started an hour or more ago, and an hour inside one interval (at most 7 days),
    // so it stays inside the failed-scan window even after rounding down to the minute.
    let at = nowMs - random.real(HOUR_MS, interval - HOUR_MS);
    const runs: Run[] = [];
    while (at > nowMs - HISTORY_DAYS * DAY_MS) {
      // Schedules start on the minute.
      runs.push(run(context, product, target, Math.floor(at / MINUTE_MS) * MINUTE_MS));
      at -= interval + random.real(-30, 30) * MINUTE_MS;
    }
    settle(context, runs, failing && targetIndex === 0);
    all.push(...runs);
  });
  return all;
}

function run(context: CompanyContext, product: ScannedProduct, target: string, startMs: number): Run {
  const { random } = context;
  const duration = random.real(product === "SNS" ? 20 : 30, product === "SNS" ? 180 : 300) * MINUTE_MS;
  if (startMs + duration > context.nowMs) {
    return { product, target, startMs, status: "running", finishMs: null };
  }
  const status = random.weighted(SCAN_OUTCOMES);
  // Errors fail early; stopped runs end part-way.
  const took =
    status === "error"
      ? random.real(2, 40) * MINUTE_MS
      : status === "stopped"
        ? random.real(0.1, 0.9) * duration
        : duration;
  return { product, target, startMs, status, finishMs: startMs + took };
}

/**
 * Makes a target's history tell one story (runs newest first). A healthy target's latest finished
 * run succeeds, which supersedes any earlier error; a failing target's latest run (and sometimes the
 * one before) ended in error, which the failed-scan rule reports.
 */
function settle(context: CompanyContext, runs: Run[], failing: boolean): void {
  const { random, nowMs } = context;
  const latest = runs[0];
  if (!latest) return;
  if (failing) {
    const previous = runs[1];
    for (const failed of previous && random.chance(0.4) ? [latest, previous] : [latest]) {
      failed.status = "error";
      failed.finishMs = Math.min(nowMs, failed.startMs + random.real(2, 40) * MINUTE_MS);
    }
    return;
  }
  const last = runs.find((r) => r.status !== "running");
  if (last && last.status !== "finished" && last.status !== "finished-with-warning") {
    last.status = "finished";
    last.finishMs = Math.min(nowMs, last.startMs + random.real(20, 120) * MINUTE_MS);
  }
}
