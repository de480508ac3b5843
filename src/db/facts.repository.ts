/**
 * Set-based loading of what the rules need for a batch of companies: one query per kind of fact,
 * never one per company (design.md § Performance habits).
 */
import { type Kysely, type RawBuilder, type Selectable, sql } from "kysely";
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
import type {
  ActivityTable,
  Database,
  OrdersTable,
  ScannersTable,
  ScansTable,
  UsageTable,
} from "./schema.ts";

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

/** One company's facts, or why its stored rows could not be read as facts. */
export type LoadedFacts =
  | { readonly companyId: string; readonly facts: CompanyFacts }
  | { readonly companyId: string; readonly error: string };

/**
 * Loads every fact of the given companies with one query per kind. Rows become model facts per
 * company, so one company's corrupt row fails that company alone, never the batch.
 */
export async function loadFacts(
  db: Db,
  batch: readonly CompanyRow[],
  window: FactWindow,
  scope?: CompanyScope,
): Promise<LoadedFacts[]> {
  const ids = batch.map((row) => row.company.id);
  if (ids.length === 0) return [];
  const inBatch = companyIn(scope ?? { ids });
  const [orders, usage, activity, scanners, scans] = await Promise.all([
    db.selectFrom("orders").selectAll().where(inBatch).execute(),
    loadLatestUsage(db, inBatch, window.at),
    db.selectFrom("activity").selectAll().where(inBatch).execute(),
    db.selectFrom("scanners").selectAll().where(inBatch).execute(),
    db
      .selectFrom("scans")
      .selectAll()
      .where(inBatch)
      .where("started_at", ">", window.scansSince)
      .where("started_at", "<=", window.at)
      .execute(),
  ]);
  const groups = {
    orders: byCompany(orders),
    usage: byCompany(usage),
    activity: byCompany(activity),
    scanners: byCompany(scanners),
    scans: byCompany(scans),
  };
  return batch.map(({ company, partnership }) => {
    const of = <T>(group: Map<string, T[]>) => group.get(company.id) ?? [];
    try {
      const facts: CompanyFacts = {
        company,
        partnership,
        orders: of(groups.orders).map(orderFromRow),
        usage: of(groups.usage).map(usageFromRow),
        activity: of(groups.activity).map(activityFromRow),
        scanners: of(groups.scanners).map(scannerFromRow),
        scans: of(groups.scans).map(scanFromRow),
      };
      return { companyId: company.id, facts };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { companyId: company.id, error: `unreadable stored data: ${reason}` };
    }
  });
}

/**
 * The companies a batch query covers. A full scan's batch is every company from its first id to
 * its last, so a range (one index range scan) replaces a 500-value IN list (500 index descents, or
 * a sequential scan when the planner misjudges the list). A company inserted into the range
 * meanwhile only adds rows nobody asks for: results are looked up by the batch's companies.
 */
export type CompanyScope =
  | { readonly from: string; readonly to: string }
  | { readonly ids: readonly string[] };

export function companyIn(scope: CompanyScope): RawBuilder<boolean> {
  if ("ids" in scope)
    return sql<boolean>`company_id in (${sql.join(scope.ids.length ? [...scope.ids] : [""])})`;
  return sql<boolean>`company_id between ${scope.from} and ${scope.to}`;
}

const byCompany = <T extends { company_id: string }>(rows: T[]) => groupBy(rows, (row) => row.company_id);

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

/** Latest per product; all descending, so a backward scan of the primary key needs no sort. */
async function loadLatestUsage(db: Db, inBatch: RawBuilder<boolean>, at: string) {
  return db
    .selectFrom("usage")
    .distinctOn(["company_id", "product"])
    .selectAll()
    .where(inBatch)
    .where("measured_at", "<=", at)
    .orderBy("company_id", "desc")
    .orderBy("product", "desc")
    .orderBy("measured_at", "desc")
    .execute();
}

function usageFromRow(r: Selectable<UsageTable>): UsageMeasurement {
  return {
    companyId: r.company_id,
    product: r.product as ProductCode,
    used: r.used,
    measuredAt: r.measured_at,
  };
}

function activityFromRow(r: Selectable<ActivityTable>): ProductActivity {
  return {
    companyId: r.company_id,
    product: r.product as ProductCode,
    enabledAt: r.enabled_at,
    lastUsedAt: r.last_used_at,
  };
}

function scannerFromRow(r: Selectable<ScannersTable>): Scanner {
  return {
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    status: r.status as ScannerStatus,
    lastSeenAt: r.last_seen_at,
  };
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
