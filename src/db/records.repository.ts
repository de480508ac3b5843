/**
 * Bulk upserts of imported records: one statement per chunk, keyed as data-format.md says, and a
 * row whose values did not change is left untouched (so re-importing the same data writes nothing).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { ImportRecord, RecordKind } from "../core/records.ts";
import type { Database } from "./schema.ts";
import { chunk } from "./tasks.repository.ts";

type Db = Kysely<Database>;
type RecordOf<K extends RecordKind> = Extract<ImportRecord, { kind: K }>["record"];
type Row = Record<string, unknown>;

interface TableSpec<K extends RecordKind> {
  readonly table: keyof Database;
  readonly keys: readonly string[];
  readonly columns: readonly string[];
  /** Column casts the VALUES list needs (jsonb from a JSON string, arrays). */
  readonly casts?: Readonly<Record<string, string>>;
  toRow(record: RecordOf<K>, partnerId: string): Row;
}

const SPECS: { readonly [K in RecordKind]: TableSpec<K> } = {
  partner: {
    table: "partners",
    keys: ["id"],
    columns: ["id", "name"],
    toRow: (r) => ({ id: r.id, name: r.name }),
  },
  partnership: {
    table: "partnerships",
    keys: ["id"],
    columns: ["id", "partner_id", "name", "type"],
    toRow: (r) => ({ id: r.id, partner_id: r.partnerId, name: r.name, type: r.type }),
  },
  company: {
    table: "companies",
    keys: ["id"],
    columns: ["id", "partner_id", "partnership_id", "name", "account_state", "tags"],
    casts: { tags: "text[]" },
    toRow: (r, partnerId) => ({
      id: r.id,
      partner_id: partnerId,
      partnership_id: r.partnershipId,
      name: r.name,
      account_state: r.accountState,
      tags: [...r.tags],
    }),
  },
  order: {
    table: "orders",
    keys: ["order_number"],
    columns: [
      "order_number",
      "partner_id",
      "company_id",
      "start_date",
      "end_date",
      "status",
      "acv",
      "currency",
      "lines",
    ],
    casts: { start_date: "date", end_date: "date", acv: "numeric", lines: "jsonb" },
    toRow: (r, partnerId) => ({
      order_number: r.orderNumber,
      partner_id: partnerId,
      company_id: r.companyId,
      start_date: r.startDate,
      end_date: r.endDate,
      status: r.status,
      acv: r.acv,
      currency: r.currency,
      lines: JSON.stringify(r.lines),
    }),
  },
  usage: {
    table: "usage",
    keys: ["company_id", "product", "measured_at"],
    columns: ["company_id", "product", "measured_at", "partner_id", "used"],
    casts: { measured_at: "timestamptz", used: "numeric" },
    toRow: (r, partnerId) => ({
      company_id: r.companyId,
      product: r.product,
      measured_at: r.measuredAt,
      partner_id: partnerId,
      used: r.used,
    }),
  },
  activity: {
    table: "activity",
    keys: ["company_id", "product"],
    columns: ["company_id", "product", "partner_id", "enabled_at", "last_used_at"],
    casts: { enabled_at: "timestamptz", last_used_at: "timestamptz" },
    toRow: (r, partnerId) => ({
      company_id: r.companyId,
      product: r.product,
      partner_id: partnerId,
      enabled_at: r.enabledAt,
      last_used_at: r.lastUsedAt,
    }),
  },
  scanner: {
    table: "scanners",
    keys: ["id"],
    columns: ["id", "partner_id", "company_id", "name", "status", "last_seen_at"],
    casts: { last_seen_at: "timestamptz" },
    toRow: (r, partnerId) => ({
      id: r.id,
      partner_id: partnerId,
      company_id: r.companyId,
      name: r.name,
      status: r.status,
      last_seen_at: r.lastSeenAt,
    }),
  },
  scan: {
    table: "scans",
    keys: ["id"],
    columns: ["id", "partner_id", "company_id", "product", "status", "started_at", "finished_at", "target"],
    casts: { started_at: "timestamptz", finished_at: "timestamptz" },
    toRow: (r, partnerId) => ({
      id: r.id,
      partner_id: partnerId,
      company_id: r.companyId,
      product: r.product,
      status: r.status,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      target: r.target,
    }),
  },
};

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface OwnedRecord<K extends RecordKind> {
  readonly record: RecordOf<K>;
  /** The partner that owns the record (derived from its partnership or company). */
  readonly partnerId: string;
}

/**
 * Upserts records of one kind. Records repeating a key are applied in order, in separate rounds,
 * because one INSERT … ON CONFLICT may not touch a row twice.
 */
export async function upsertRecords<K extends RecordKind>(
  db: Db,
  kind: K,
  records: readonly OwnedRecord<K>[],
): Promise<UpsertCounts> {
  const spec = SPECS[kind] as TableSpec<K>;
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const round of rounds(
    records.map((r) => spec.toRow(r.record, r.partnerId)),
    spec.keys,
  )) {
    for (const part of chunk(round, spec.columns.length)) {
      const result = await upsertStatement(spec, part).execute(db);
      const inserted = result.rows.filter((r) => r.inserted).length;
      counts.inserted += inserted;
      counts.updated += result.rows.length - inserted;
      counts.unchanged += part.length - result.rows.length;
    }
  }
  return counts;
}

function rounds(rows: Row[], keys: readonly string[]): Row[][] {
  const result: Row[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(keys.map((k) => row[k]));
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    const list = result[round] ?? [];
    list.push(row);
    result[round] = list;
  }
  return result;
}

function upsertStatement<K extends RecordKind>(
  spec: TableSpec<K>,
  rows: Row[],
): RawBuilder<{ inserted: boolean }> {
  const table = sql.table(spec.table);
  const columns = sql.join(spec.columns.map((c) => sql.ref(c)));
  // One array parameter per column: the statement text stays the same size whatever the row
  // count, so there is no VALUES list of thousands of expressions to parse, plan and bind.
  const arrays = sql.join(spec.columns.map((c) => columnArray(rows, c, spec.casts?.[c])));
  const selected = sql.join(spec.columns.map((c) => fromElement(c, spec.casts?.[c])));
  const mutable = spec.columns.filter((c) => !spec.keys.includes(c));
  const set = sql.join(mutable.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  const current = sql.join(mutable.map((c) => sql`${table}.${sql.ref(c)}`));
  const incoming = sql.join(mutable.map((c) => sql`excluded.${sql.ref(c)}`));
  return sql<{ inserted: boolean }>`
    insert into ${table} (${columns})
    select ${selected} from unnest(${arrays}) as v(${columns})
    on conflict (${sql.join(spec.keys.map((k) => sql.ref(k)))}) do update set ${set}
    where (${current}) is distinct from (${incoming})
    returning (xmax = 0) as inserted`;
}

/** A column's values as one typed array; a text[] column travels as JSON (arrays cannot nest). */
function columnArray(rows: Row[], column: string, type: string | undefined): RawBuilder<unknown> {
  if (type === "text[]") return sql`${rows.map((r) => JSON.stringify(r[column]))}::jsonb[]`;
  return sql`${rows.map((r) => r[column])}::${sql.raw(`${type ?? "text"}[]`)}`;
}

function fromElement(column: string, type: string | undefined): RawBuilder<unknown> {
  if (type === "text[]") return sql`array(select jsonb_array_elements_text(v.${sql.ref(column)}))`;
  return sql`v.${sql.ref(column)}`;
}
