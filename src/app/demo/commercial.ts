/**
 * A reseller company's orders and licence usage. The main order's end date and the first product's
 * usage come from stratified buckets chosen so that each renewal and usage severity shows up, while
 * most companies stay quiet (spec: tasks.md § 1 and 2).
 */
import type { Order, OrderLine, OrderStatus, UsageMeasurement } from "../../core/model.ts";
import type { ProductCode } from "../../core/products.ts";
import {
  type CompanyContext,
  DAY_MS,
  dayOf,
  HOUR_MS,
  instant,
  niceQuantity,
  quantityFor,
  shiftDate,
  shiftMonths,
} from "./context.ts";
import { CURRENCY_WEIGHTS, PRODUCT_WEIGHTS, UNIT_PRICE_EUR } from "./names.ts";
import { pickWeighted } from "./random.ts";

/**
 * Days from today to the main order's end date. The ranges keep clear of the rule's boundaries
 * (1, 3 and 6 calendar months; lapsed after 30 days) so the severity does not depend on the month.
 * `null` days means "more than 6 months, up to two weeks short of a full term".
 */
interface RenewalBucket {
  readonly days: readonly [number, number] | null;
  readonly status: OrderStatus;
}
const RENEWAL_BUCKETS: readonly (readonly [RenewalBucket, number])[] = [
  [{ days: null, status: "active" }, 74], // > 6 months: no task
  [{ days: [95, 178], status: "active" }, 7], // 3–6 months: low
  [{ days: [33, 88], status: "active" }, 6], // 1–3 months: medium
  [{ days: [0, 27], status: "active" }, 3], // under a month: high
  [{ days: [-28, -1], status: "active" }, 3], // ended in the last 4 weeks, not renewed: high
  [{ days: [-300, -40], status: "active" }, 4], // lapsed: no task, a lost customer
  [{ days: [30, 300], status: "cancelled" }, 3], // cancelled before its end: no task
];
const ARCHIVED_BUCKET: RenewalBucket = { days: [-400, -60], status: "active" };

/** Latest usage as a percentage of the licence: under 60 %, 60–80, 80–100, over 100. */
const USAGE_BUCKETS: readonly (readonly [readonly [number, number], number])[] = [
  [[15, 59], 81],
  [[60, 79], 8],
  [[80, 100], 7],
  [[101, 130], 4],
];

const TERM_MONTHS: readonly (readonly [number, number])[] = [
  [12, 60],
  [24, 25],
  [36, 15],
];

/** The company's orders, oldest first: maybe a renewed predecessor, the main order, maybe an add-on. */
export function ordersFor(context: CompanyContext): Order[] {
  const { random, today, number } = context;
  const trial = context.company.accountState === "trial" && !context.archived;
  const main = trial ? trialOrder(context) : mainOrder(context);
  const orders: Omit<Order, "orderNumber">[] = [];
  if (!trial && random.chance(0.38)) {
    // Last term's order, marked renewed: history that must raise nothing.
    const endDate = shiftDate(main.startDate, -1);
    const lines = main.lines.map(({ product, quantity }) => ({
      product,
      quantity: niceQuantity(quantity * random.real(0.6, 1)),
    }));
    orders.push(order(context, shiftDate(shiftMonths(endDate, -12), 1), endDate, "renewed", lines));
  }
  orders.push(main);
  if (!trial && random.chance(0.25)) {
    // An add-on bought mid-term, co-terminous with the main order; sometimes cancelled again.
    const runningDays = Math.max(1, dayOf(earlier(main.endDate, today)) - dayOf(main.startDate));
    const startDate = shiftDate(main.startDate, random.int(1, runningDays));
    const product = random.chance(0.5) ? random.pick(main.lines).product : random.weighted(PRODUCT_WEIGHTS);
    const line = { product, quantity: quantityFor(context, product, 0.3) };
    const status = main.status === "active" && random.chance(0.88) ? "active" : "cancelled";
    orders.push(order(context, earlier(startDate, main.endDate), main.endDate, status, [line]));
  }
  // Literal objects, not spreads: V8's object spread is slow here, and there are 100,000s of orders.
  return orders.map((o, index) => ({
    orderNumber: `SO-${number}-${index + 1}`,
    companyId: o.companyId,
    startDate: o.startDate,
    endDate: o.endDate,
    status: o.status,
    acv: o.acv,
    currency: o.currency,
    lines: o.lines,
  }));
}

/** The earlier of two `YYYY-MM-DD` dates (they compare as strings; Math.min would not). */
function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

function mainOrder(context: CompanyContext): Omit<Order, "orderNumber"> {
  const { random, today } = context;
  const term = random.weighted(TERM_MONTHS);
  const bucket = context.archived ? ARCHIVED_BUCKET : pickWeighted(RENEWAL_BUCKETS, context.draws.renewal);
  // Stopping two weeks short of a full term keeps the order started by today.
  const [min, max] = bucket.days ?? [190, Math.round((term * 365) / 12) - 15];
  const endDate = shiftDate(today, random.int(min, max));
  const startDate = shiftDate(shiftMonths(endDate, -term), 1);
  const products = random.distinct(PRODUCT_WEIGHTS, random.weighted(LINE_COUNTS));
  const lines = products.map((product) => ({ product, quantity: quantityFor(context, product) }));
  return order(context, startDate, endDate, bucket.status, lines);
}

const LINE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 45],
  [2, 35],
  [3, 20],
];

/** A 30-day evaluation licence: ends within the month, so trials raise a high renewal task. */
function trialOrder(context: CompanyContext): Omit<Order, "orderNumber"> {
  const { random, today } = context;
  const startDate = shiftDate(today, -random.int(2, 27));
  const products = random.distinct(PRODUCT_WEIGHTS, random.int(1, 2));
  const lines = products.map((product) => ({ product, quantity: quantityFor(context, product, 0.5) }));
  return order(context, startDate, shiftDate(startDate, 29), "active", lines, false);
}

const CURRENCY_RATE: Readonly<Record<string, number>> = { EUR: 1, SEK: 11.2, USD: 1.08 };

function order(
  context: CompanyContext,
  startDate: string,
  endDate: string,
  status: OrderStatus,
  lines: readonly OrderLine[],
  priced = true,
): Omit<Order, "orderNumber"> {
  const { random } = context;
  // Trials, internal and demo tenants are not sold, so their orders carry no commercial value.
  const state = context.company.accountState;
  if (!priced || state === "internal" || state === "demo") {
    return { companyId: context.company.id, startDate, endDate, status, acv: null, currency: null, lines };
  }
  const currency = random.weighted(CURRENCY_WEIGHTS);
  let listPrice = 0;
  for (const line of lines) listPrice += line.quantity * UNIT_PRICE_EUR[line.product];
  const raw = listPrice * random.real(0.75, 1.1) * (CURRENCY_RATE[currency] ?? 1);
  const acv = Math.round(Math.min(250_000, Math.max(2_000, raw)) / 10) * 10;
  return { companyId: context.company.id, startDate, endDate, status, acv, currency, lines };
}

/** Units licensed today per product, as the licence-usage rule counts them (active and running). */
function licensedToday(orders: readonly Order[], today: string): Map<ProductCode, number> {
  const licensed = new Map<ProductCode, number>();
  for (const o of orders) {
    if (o.status !== "active" || o.startDate > today || o.endDate < today) continue;
    for (const line of o.lines) licensed.set(line.product, (licensed.get(line.product) ?? 0) + line.quantity);
  }
  return licensed;
}

/**
 * Weekly measurements for every licensed product. The latest one lands in a usage bucket; without a
 * running licence (lapsed, ended) the products of the last order are still measured, below 60 %.
 */
export function resellerUsage(context: CompanyContext, orders: readonly Order[]): UsageMeasurement[] {
  if (context.archived) return [];
  const { random } = context;
  let quantities = licensedToday(orders, context.today);
  const licensed = quantities.size > 0;
  if (!licensed) {
    quantities = new Map();
    const last = orders[orders.length - 1];
    for (const line of last?.lines ?? []) quantities.set(line.product, line.quantity);
  }
  const usage: UsageMeasurement[] = [];
  const latestAt = lastMeasurementAt(context);
  let first = true;
  for (const [product, quantity] of quantities) {
    const u = first ? context.draws.usage : random.next();
    first = false;
    const [low, high] = licensed ? pickWeighted(USAGE_BUCKETS, u) : [15, 59];
    // Whole units chosen inside the bucket's integer range, so rounding never changes the severity.
    const minUsed = Math.ceil((quantity * low) / 100);
    const used = random.int(minUsed, Math.max(minUsed, Math.floor((quantity * high) / 100)));
    usage.push(...weeklySeries(context, product, used, latestAt, random.int(3, 6)));
  }
  return usage;
}

/** The platform measures all of a company's products in one weekly run, on the hour, in the last 36 h. */
export function lastMeasurementAt(context: CompanyContext): number {
  return Math.floor((context.nowMs - context.random.int(1, 36) * HOUR_MS) / HOUR_MS) * HOUR_MS;
}

/** `count` weekly measurements ending at `latest` units at `latestAt`, growing slightly, oldest first. */
export function weeklySeries(
  context: CompanyContext,
  product: ProductCode,
  latest: number,
  latestAt: number,
  count: number,
): UsageMeasurement[] {
  const { random } = context;
  const growth = random.real(0, 0.03);
  const series: UsageMeasurement[] = [];
  for (let weeksAgo = count - 1; weeksAgo >= 0; weeksAgo--) {
    const noise = weeksAgo === 0 ? 1 : random.real(0.98, 1.02);
    series.push({
      companyId: context.company.id,
      product,
      used: Math.max(0, Math.round(latest * (1 - growth * weeksAgo) * noise)),
      measuredAt: instant(latestAt - weeksAgo * 7 * DAY_MS),
    });
  }
  return series;
}
