/**
 * The second layer alone: PostgreSQL row-level security under inPartnerScope, with queries that
 * carry no partner filter at all. Inside alpha's scope every partner-owned table shows, updates and
 * deletes alpha's rows only and refuses rows of beta's; the tables that are not partner data cannot
 * be read at all; the owner (imports, scans, the vendor) sees everything.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { inPartnerScope } from "../../src/db/scoped.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/databases.ts";

/** Tables whose rows belong to one partner, parents before children. */
const PARTNER_OWNED = [
  "partnerships",
  "companies",
  "orders",
  "usage",
  "activity",
  "scanners",
  "scans",
  "tasks",
  "task_events",
  "users",
  "user_companies",
] as const;
type PartnerTable = (typeof PARTNER_OWNED)[number];

/** Tables a partner's transaction must not read at all: credentials, the scan log, migrations. */
const UNREADABLE = ["sessions", "api_tokens", "scan_runs", "kysely_migration", "kysely_migration_lock"];

/** One self-contained row of every partner-owned table for partner `p`, set `n`, in table order. */
function rowsOf(p: string, n: number): Record<PartnerTable, string> {
  const at = "'2026-12-01T00:00:00Z'";
  const company = `'${p}-c${n}'`;
  return {
    partnerships: `('${p}-ps${n}', '${p}', '${p} Resale ${n}', 'reseller')`,
    companies: `(${company}, '${p}', '${p}-ps${n}', '${p} Company ${n}', 'active', '{}')`,
    orders: `('${p}-SO-${n}', '${p}', ${company}, '2026-01-01', '2027-01-01', 'active', 100, 'EUR', '[]')`,
    usage: `(${company}, 'SNS', ${at}, '${p}', 10)`,
    activity: `(${company}, 'SNS', '${p}', ${at}, ${at})`,
    scanners: `('${p}-sa${n}', '${p}', ${company}, 'HQ', 'online', ${at})`,
    scans: `('${p}-scan${n}', '${p}', ${company}, 'SNS', 'failed', ${at}, ${at}, null)`,
    tasks: `('${p}-t${n}', '${p}', '${p}-ps${n}', ${company}, '${p}-fp${n}', 'contract-renewal',
      '${p}-SO-${n}', 'commercial', 'high', 3, 'open', 'Renew ${p}', '{"daysRemaining": 10}',
      'commercial', '{}', 'contract-renewal', null, null, ${at}, ${at}, null, null)`,
    task_events: `('${p}-t${n}', '${p}', ${at}, null, 'opened', '{}')`,
    users: `('${p}-u${n}', '${p}', '${p}${n}@${p}.test', '${p} User ${n}', 'user', null, ${at}, null)`,
    user_companies: `('${p}-u${n}', ${company}, '${p}')`,
  };
}

/** Column lists where the table's own order is not the one rowsOf writes. */
const COLUMNS: Partial<Record<PartnerTable, string>> = {
  tasks: `(id, partner_id, partnership_id, company_id, fingerprint, type, subject, category, severity,
    severity_rank, status, title, details, tab, highlight, rule_id, snoozed_until, assignee_id, opened_at,
    updated_at, resolved_at, previous_task_id)`,
  task_events: "(task_id, partner_id, at, actor_id, kind, data)",
};

const insertInto = (table: PartnerTable, values: string) =>
  sql.raw(`insert into ${table} ${COLUMNS[table] ?? ""} values ${values}`);

/** Every row of a table, with no filter: what the current role may see. */
async function rowsIn(db: Kysely<Database>, table: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
}

const partnerOf = (table: string, row: Record<string, unknown>) =>
  table === "partners" ? row.id : row.partner_id;

/** Runs work in alpha's scope and rolls it back, so tests that write leave the data as it was. */
async function rolledBack<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  class Rollback extends Error {
    constructor(readonly value: T) {
      super("rollback");
    }
  }
  try {
    await inPartnerScope(db, "alpha", async (trx) => {
      throw new Rollback(await work(trx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value;
    throw error;
  }
  throw new Error("unreachable: the work always rolls back");
}

describe.each(testDatabaseKinds())("row-level security on %s", (kind) => {
  let database: TestDatabase<Database>;
  let db: Kysely<Database>;
  /** Rows per partner and table as the owner counts them. */
  const counts = { alpha: {} as Record<string, number>, beta: {} as Record<string, number> };

  beforeAll(async () => {
    database = await createTestDatabase<Database>(kind);
    db = database.db;
    await migrateToLatest(db);
    await sql`insert into partners values ('alpha', 'alpha AB'), ('beta', 'beta AB')`.execute(db);
    // alpha gets two sets and beta one, so a count tells whose rows came back.
    const sets = [rowsOf("alpha", 1), rowsOf("alpha", 2), rowsOf("beta", 1)];
    for (const table of PARTNER_OWNED) {
      await insertInto(table, sets.map((set) => set[table]).join(", ")).execute(db);
    }
    await sql`insert into users values ('vera', null, 'vera@vendor.test', 'Vera', 'vendor', null, now(), null)`.execute(
      db,
    );
    await sql`insert into sessions values ('hash', 'alpha-u1', 'csrf', now(), now() + interval '1 day', null)`.execute(
      db,
    );
    await sql`insert into api_tokens values ('tok', 'tokhash', 'alpha', 'read', 'alpha read', now(), null, null)`.execute(
      db,
    );
    await sql`insert into scan_runs (id, at, started_at, heartbeat_at, status) values ('run', now(), now(), now(), 'completed')`.execute(
      db,
    );
    for (const table of ["partners", ...PARTNER_OWNED]) {
      const rows = await rowsIn(db, table);
      counts.alpha[table] = rows.filter((r) => partnerOf(table, r) === "alpha").length;
      counts.beta[table] = rows.filter((r) => partnerOf(table, r) === "beta").length;
    }
  });
  afterAll(() => database.close());

  it("classifies every table of the schema as partner-owned or unreadable", async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
    expect(rows.map((r) => r.table_name).sort()).toEqual(
      ["partners", ...PARTNER_OWNED, ...UNREADABLE].sort(),
    );
  });

  it("shows the owner every partner's rows, in and out of an unconfined scope", async () => {
    for (const table of ["partners", ...PARTNER_OWNED]) {
      const expected = (counts.alpha[table] ?? 0) + (counts.beta[table] ?? 0) + (table === "users" ? 1 : 0);
      expect((await rowsIn(db, table)).length, table).toBe(expected);
      expect((await inPartnerScope(db, null, (trx) => rowsIn(trx, table))).length, table).toBe(expected);
      expect(counts.beta[table], table).toBeGreaterThan(0);
    }
  });

  it("shows alpha's scope alpha's rows only, with no filter in the query", async () => {
    for (const table of ["partners", ...PARTNER_OWNED]) {
      const rows = await inPartnerScope(db, "alpha", (trx) => rowsIn(trx, table));
      expect(rows.length, table).toBe(counts.alpha[table]);
      expect(
        rows.every((row) => partnerOf(table, row) === "alpha"),
        table,
      ).toBe(true);
    }
    // Joins see alpha's side only too: beta's companies are not there to join to.
    const joined = await inPartnerScope(db, "alpha", (trx) =>
      sql<{
        n: number;
      }>`select count(*)::int as n from tasks join companies on companies.id = tasks.company_id
        join user_companies using (company_id)`.execute(trx),
    );
    expect(joined.rows[0]?.n).toBe(counts.alpha.tasks);
  });

  it("shows a partner role with no partner set nothing at all", async () => {
    for (const table of ["partners", ...PARTNER_OWNED]) {
      const rows = await db.transaction().execute(async (trx) => {
        await sql`set local role portal_partner`.execute(trx);
        return rowsIn(trx, table);
      });
      expect(rows, table).toEqual([]);
    }
  });

  it("updates alpha's rows only with an unfiltered UPDATE", async () => {
    const touched = await rolledBack(db, async (trx) => {
      const result: Record<string, unknown[]> = {};
      for (const table of PARTNER_OWNED) {
        const { rows } = await sql<{ partner_id: string }>`
          update ${sql.table(table)} set partner_id = partner_id returning partner_id`.execute(trx);
        result[table] = rows.map((r) => r.partner_id);
      }
      return result;
    });
    for (const table of PARTNER_OWNED) {
      expect(touched[table], table).toEqual(Array(counts.alpha[table]).fill("alpha"));
    }
  });

  it("deletes alpha's rows only with an unfiltered DELETE, leaving beta's", async () => {
    const left = await rolledBack(db, async (trx) => {
      const deleted: Record<string, number> = {};
      for (const table of [...PARTNER_OWNED].reverse()) {
        const { rows } = await sql<{ partner_id: string }>`
          delete from ${sql.table(table)} returning partner_id`.execute(trx);
        expect(
          rows.every((r) => r.partner_id === "alpha"),
          table,
        ).toBe(true);
        deleted[table] = rows.length;
      }
      // Back to the owner inside the same transaction: what is left is beta's, untouched.
      await sql`reset role`.execute(trx);
      const remaining: Record<string, number> = {};
      for (const table of PARTNER_OWNED) {
        const rows = await rowsIn(trx, table);
        remaining[table] = rows.filter((r) => r.partner_id === "beta").length;
        expect(
          rows.some((r) => r.partner_id === "alpha"),
          table,
        ).toBe(false);
      }
      return { deleted, remaining };
    });
    for (const table of PARTNER_OWNED) {
      expect(left.deleted[table], table).toBe(counts.alpha[table]);
      expect(left.remaining[table], table).toBe(counts.beta[table]);
    }
  });

  it("refuses inserting a row of beta's in alpha's scope, and accepts alpha's own", async () => {
    const beta = rowsOf("beta", 9);
    for (const table of PARTNER_OWNED) {
      await expect(
        inPartnerScope(db, "alpha", (trx) => insertInto(table, beta[table]).execute(trx)),
        table,
      ).rejects.toThrow(/row-level security/);
    }
    const alpha = rowsOf("alpha", 9);
    const inserted = await rolledBack(db, async (trx) => {
      for (const table of PARTNER_OWNED) await insertInto(table, alpha[table]).execute(trx);
      return Promise.all(PARTNER_OWNED.map(async (table) => (await rowsIn(trx, table)).length));
    });
    expect(inserted).toEqual(PARTNER_OWNED.map((table) => (counts.alpha[table] ?? 0) + 1));
  });

  it("refuses moving alpha's rows to beta", async () => {
    for (const table of PARTNER_OWNED) {
      await expect(
        inPartnerScope(db, "alpha", (trx) =>
          sql`update ${sql.table(table)} set partner_id = 'beta'`.execute(trx),
        ),
        table,
      ).rejects.toThrow(/row-level security/);
    }
  });

  it("lets alpha's scope change no partner at all", async () => {
    for (const statement of [
      "update partners set name = 'x'",
      "delete from partners",
      "insert into partners values ('gamma', 'g')",
    ]) {
      await expect(
        inPartnerScope(db, "alpha", (trx) => sql.raw(statement).execute(trx)),
        statement,
      ).rejects.toThrow(/permission denied/);
    }
  });

  it("denies a partner's scope any reading or writing of sessions, tokens, scan runs and migrations", async () => {
    for (const table of UNREADABLE) {
      await expect(
        inPartnerScope(db, "alpha", (trx) => rowsIn(trx, table)),
        table,
      ).rejects.toThrow(/permission denied/);
      await expect(
        inPartnerScope(db, "alpha", (trx) => sql`delete from ${sql.table(table)}`.execute(trx)),
        table,
      ).rejects.toThrow(/permission denied/);
    }
  });
});
