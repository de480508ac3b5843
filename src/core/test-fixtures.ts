/**
 * Compact builders of facts, findings and tasks for the core's unit tests. Pure like the rest of the
 * core (the purity test reads this file too): no node:*, no clock, no randomness.
 */
import type {
  AccountState,
  CompanyFacts,
  Instant,
  LocalDate,
  Order,
  OrderStatus,
  PartnershipType,
  ProductActivity,
  Scan,
  Scanner,
  ScannerStatus,
  ScanStatus,
  UsageMeasurement,
} from "./model.ts";
import type { ProductCode, ScannedProduct } from "./products.ts";
import { ruleFor } from "./rules/registry.ts";
import { DEFAULT_RULE_SETTINGS, type EvaluationContext } from "./settings.ts";
import {
  type Finding,
  fingerprintOf,
  type Severity,
  type Task,
  type TaskDetails,
  type TaskStatus,
  type TaskType,
} from "./task.ts";

export const TZ = "Europe/Stockholm";
export const COMPANY_ID = "c1";
/** 10:00 UTC (11:00 in Stockholm) on 10 March 2026: "today" is 2026-03-10 in both zones. */
export const NOW: Instant = "2026-03-10T10:00:00.000Z";
export const TODAY: LocalDate = "2026-03-10";

export const MS = 1;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The instant `ms` milliseconds before `from` (negative `ms` goes forward). */
export function ago(ms: number, from: Instant = NOW): Instant {
  return new Date(Date.parse(from) - ms).toISOString();
}

/** The instant `ms` milliseconds after `from`. */
export function ahead(ms: number, from: Instant = NOW): Instant {
  return ago(-ms, from);
}

export function ctx(now: Instant = NOW, timeZone: string = TZ): EvaluationContext {
  return { now: new Date(now), timeZone, settings: DEFAULT_RULE_SETTINGS };
}

export interface FactsInput {
  readonly companyId?: string;
  readonly partnership?: PartnershipType;
  readonly accountState?: AccountState;
  readonly orders?: readonly Order[];
  readonly usage?: readonly UsageMeasurement[];
  readonly activity?: readonly ProductActivity[];
  readonly scanners?: readonly Scanner[];
  readonly scans?: readonly Scan[];
}

/** One company of a reseller partnership (by default) with the given records. */
export function facts(input: FactsInput = {}): CompanyFacts {
  const companyId = input.companyId ?? COMPANY_ID;
  const type = input.partnership ?? "reseller";
  return {
    company: {
      id: companyId,
      partnershipId: `ps-${type}`,
      name: `Company ${companyId}`,
      accountState: input.accountState ?? "paying",
      tags: [],
    },
    partnership: { id: `ps-${type}`, partnerId: "p1", name: `Partnership ${type}`, type },
    orders: input.orders ?? [],
    usage: input.usage ?? [],
    activity: input.activity ?? [],
    scanners: input.scanners ?? [],
    scans: input.scans ?? [],
  };
}

export interface OrderInput {
  readonly startDate?: LocalDate;
  readonly endDate?: LocalDate;
  readonly status?: OrderStatus;
  readonly acv?: number | null;
  readonly currency?: string | null;
  /** Quantities per product, e.g. `{ SNS: 10000 }`. */
  readonly lines?: Partial<Record<ProductCode, number>>;
}

/** An order running through 2026 by default, with no lines, ACV or currency. */
export function order(orderNumber: string, input: OrderInput = {}): Order {
  const lines = Object.entries(input.lines ?? {}).map(([product, quantity]) => ({
    product: product as ProductCode,
    quantity: quantity ?? 0,
  }));
  return {
    orderNumber,
    companyId: COMPANY_ID,
    startDate: input.startDate ?? "2026-01-01",
    endDate: input.endDate ?? "2026-12-31",
    status: input.status ?? "active",
    acv: input.acv ?? null,
    currency: input.currency ?? null,
    lines,
  };
}

export function usage(product: ProductCode, used: number, measuredAt: Instant = ago(DAY)): UsageMeasurement {
  return { companyId: COMPANY_ID, product, used, measuredAt };
}

export function activity(
  product: ProductCode,
  dates: { readonly enabledAt?: Instant | null; readonly lastUsedAt?: Instant | null } = {},
): ProductActivity {
  return {
    companyId: COMPANY_ID,
    product,
    enabledAt: dates.enabledAt ?? null,
    lastUsedAt: dates.lastUsedAt ?? null,
  };
}

export function scanner(id: string, status: ScannerStatus, lastSeenAt: Instant | null): Scanner {
  return { id, companyId: COMPANY_ID, name: `Scanner ${id}`, status, lastSeenAt };
}

export function scan(
  id: string,
  product: ScannedProduct,
  status: ScanStatus,
  startedAt: Instant,
  target: string | null = "10.0.0.0/24",
): Scan {
  return { id, companyId: COMPANY_ID, product, status, startedAt, finishedAt: null, target };
}

/** The single element of a list, failing loudly when there is not exactly one. */
export function only<T>(items: readonly T[]): T {
  if (items.length !== 1) throw new Error(`Expected exactly one item, got ${items.length}`);
  return items[0] as T;
}

export interface FindingInput {
  readonly companyId?: string;
  readonly type?: TaskType;
  readonly subject?: string;
  readonly severity?: Severity;
  readonly details?: TaskDetails;
  readonly title?: string;
}

/** A finding as a rule would produce it; a licence-usage finding for SNS by default. */
export function finding(input: FindingInput = {}): Finding {
  const companyId = input.companyId ?? COMPANY_ID;
  const type = input.type ?? "license-usage";
  const subject = input.subject ?? "SNS";
  const rule = ruleFor(type);
  return {
    fingerprint: fingerprintOf(companyId, type, subject),
    companyId,
    type,
    subject,
    category: rule.category,
    severity: input.severity ?? "low",
    title: input.title ?? `${type} ${subject}`,
    details: input.details ?? {},
    tab: rule.tab,
    highlight: subject ? [subject] : [],
    ruleId: `${rule.id}-x`,
  };
}

export interface TaskInput {
  readonly id: string;
  readonly status?: TaskStatus;
  readonly snoozedUntil?: Instant | null;
  readonly openedAt?: Instant;
  readonly previousTaskId?: string | null;
}

/** A stored, not resolved task carrying exactly what `from` found. */
export function taskFrom(from: Finding, input: TaskInput): Task {
  const openedAt = input.openedAt ?? ago(7 * DAY);
  return {
    ...from,
    id: input.id,
    partnerId: "p1",
    partnershipId: "ps-reseller",
    status: input.status ?? "open",
    snoozedUntil: input.snoozedUntil ?? null,
    assigneeId: null,
    openedAt,
    updatedAt: openedAt,
    resolvedAt: null,
    previousTaskId: input.previousTaskId ?? null,
  };
}

/** A deterministic id source: "t1", "t2", … */
export function idSource(prefix = "t"): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${next}`;
  };
}
