/**
 * Set-based loading of what the rules need for a batch of companies: one query per kind of fact,
 * never one per company (design.md § Performance habits).
 */
import type { Kysely, Selectable } from "kysely";
import { groupBy } from "../core/group-by.ts";
import type {
  AccountState,
  Company,
  CompanyFacts,
  Order,
  OrderStatus,
  Partnership,
  PartnershipType,
  ProductActivity,
  Scan,
  Scanner,
  ScannerStatus,
  ScanStatus,
  UsageMeasurement,
} from "../core/model.ts";
import type { ProductCode, ScannedProduct } from "../core/products.ts";
import type { Database, OrdersTable, ScansTable } from "./schema.ts";

type Db = Kysely<Database>;

export interface CompanyRow {
  readonly company: Company;
  readonly partnership: Partnership;
}

/**
 * The next `limit` companies after `afterId` in id order (keyset pagination keeps every batch
 * query equally cheap), with their partnership; `onlyIds` narrows the scan to given companies.
 * Inside a transaction the company rows stay locked until it ends, so two scans of one company
 * take turns (always in id order: no deadlock).
 */
export async function companiesAfter(
  db: Db,
  afterId: string | null,
  limit: number,
  onlyIds?: readonly string[],
): Promise<CompanyRow[]> {
  let query = db
    .selectFrom("companies as c")
    .innerJoin("partnerships as p", "p.id", "c.partnership_id")
    .select([
      "c.id",
      "c.partnership_id",
      "c.name",
      "c.account_state",
      "c.tags",
      "p.partner_id",
      "p.name as partnership_name",
      "p.type as partnership_type",
    ])
    .orderBy("c.id")
    .limit(limit)
    .forUpdate("c");
  if (afterId !== null) query = query.where("c.id", ">", afterId);
  if (onlyIds) query = query.where("c.id", "in", onlyIds.length ? [...onlyIds] : [""]);
  const rows = await query.execute();
  return rows.map((r) => ({
    company: {
      id: r.id,
      partnershipId: r.partnership_id,
      name: r.name,
      accountState: r.account_state as AccountState,
      tags: r.tags,
    },
    partnership: {
      id: r.partnership_id,
      partnerId: r.partner_id,
      name: r.partnership_name,
      type: r.partnership_type as PartnershipType,
    },
  }));
}

export interface FactWindow {
  /** Usage measured and scans started after this instant are not yet facts. */
  readonly at: string;
  /** Scans that started at or before this instant cannot be failed scans in the window. */
  readonly scansSince: string;
}

/** Loads every fact of the given companies; the result holds one CompanyFacts per company row. */
export async function loadFacts(
  db: Db,
  batch: readonly CompanyRow[],
  window: FactWindow,
): Promise<CompanyFacts[]> {
  const ids = batch.map((row) => row.company.id);
  if (ids.length === 0) return [];
  const [orders, usage, activity, scanners, scans] = await Promise.all([
    loadOrders(db, ids),
    loadLatestUsage(db, ids, window.at),
    loadActivity(db, ids),
    loadScanners(db, ids),
    loadScans(db, ids, window),
  ]);
  return batch.map(({ company, partnership }) => ({
    company,
    partnership,
    orders: orders.get(company.id) ?? [],
    usage: usage.get(company.id) ?? [],
    activity: activity.get(company.id) ?? [],
    scanners: scanners.get(company.id) ?? [],
    scans: scans.get(company.id) ?? [],
  }));
}

const byCompany = <T extends { companyId: string }>(items: T[]) => groupBy(items, (item) => item.companyId);

async function loadOrders(db: Db, ids: string[]): Promise<Map<string, Order[]>> {
  const rows = await db.selectFrom("orders").selectAll().where("company_id", "in", ids).execute();
  return byCompany(rows.map(orderFromRow));
}

export function orderFromRow(r: Selectable<OrdersTable>): Order {
  return {
    orderNumber: r.order_number,
    companyId: r.company_id,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as OrderStatus,
    acv: r.acv,
    currency: r.currency,
    lines: r.lines.map((l) => ({ product: l.product as ProductCode, quantity: l.quantity })),
  };
}

async function loadLatestUsage(db: Db, ids: string[], at: string): Promise<Map<string, UsageMeasurement[]>> {
  const rows = await db
    .selectFrom("usage")
    .distinctOn(["company_id", "product"])
    .select(["company_id", "product", "used", "measured_at"])
    .where("company_id", "in", ids)
    .where("measured_at", "<=", at)
    .orderBy("company_id")
    .orderBy("product")
    .orderBy("measured_at", "desc")
    .execute();
  return byCompany(
    rows.map((r) => ({
      companyId: r.company_id,
      product: r.product as ProductCode,
      used: r.used,
      measuredAt: r.measured_at,
    })),
  );
}

async function loadActivity(db: Db, ids: string[]): Promise<Map<string, ProductActivity[]>> {
  const rows = await db.selectFrom("activity").selectAll().where("company_id", "in", ids).execute();
  return byCompany(
    rows.map((r) => ({
      companyId: r.company_id,
      product: r.product as ProductCode,
      enabledAt: r.enabled_at,
      lastUsedAt: r.last_used_at,
    })),
  );
}

async function loadScanners(db: Db, ids: string[]): Promise<Map<string, Scanner[]>> {
  const rows = await db.selectFrom("scanners").selectAll().where("company_id", "in", ids).execute();
  return byCompany(
    rows.map((r) => ({
      id: r.id,
      companyId: r.company_id,
      name: r.name,
      status: r.status as ScannerStatus,
      lastSeenAt: r.last_seen_at,
    })),
  );
}

async function loadScans(db: Db, ids: string[], window: FactWindow): Promise<Map<string, Scan[]>> {
  const rows = await db
    .selectFrom("scans")
    .selectAll()
    .where("company_id", "in", ids)
    .where("started_at", ">", window.scansSince)
    .where("started_at", "<=", window.at)
    .execute();
  return byCompany(rows.map(scanFromRow));
}

export function scanFromRow(r: Selectable<ScansTable>): Scan {
  return {
    id: r.id,
    companyId: r.company_id,
    product: r.product as ScannedProduct,
    status: r.status as ScanStatus,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    target: r.target,
  };
}
