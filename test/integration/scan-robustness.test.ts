/**
 * The scan under stress (spec: tasks.md § Task lifecycle, design.md § Performance habits): two
 * scans at once, a scan killed half-way, a run that died without finishing, and a company whose
 * evaluation throws. Small portfolio: seven companies, a few tasks each.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScan } from "../../src/app/scan.ts";
import { isPostgresUniqueViolation } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/schema.ts";
import { type TestDatabase, testDatabaseKinds } from "../support/databases.ts";
import {
  contextAt,
  duplicateLiveFingerprints,
  importText,
  openMigratedDatabase,
  resetData,
  type TaskState,
  taskStates,
} from "../support/portal.ts";

const AT = "2026-03-10T10:00:00Z";
const END_DATES = ["2026-03-31", "2026-05-15", "2026-08-01"]; // high, medium, low renewals

/** `n` companies (co-1 … co-n), odd ones reseller, even ones MSSP, each raising one to three tasks. */
function portfolio(n: number): string {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const id = (i: number) => `co-${i}`;
  const resellers = ids.filter((i) => i % 2 === 1);
  return JSON.stringify({
    partners: [{ id: "nordsec", name: "Nordsec AB" }],
    partnerships: [
      { id: "resale", partnerId: "nordsec", name: "Resale", type: "reseller" },
      { id: "managed", partnerId: "nordsec", name: "Managed", type: "mssp" },
    ],
    companies: ids.map((i) => ({ id: id(i), partnershipId: i % 2 ? "resale" : "managed", name: `Co ${i}` })),
    orders: resellers.map((i) => ({
      orderNumber: `SO-${i}`,
      companyId: id(i),
      startDate: "2026-01-01",
      endDate: END_DATES[i % 3],
      lines: [{ product: "SNS", quantity: 100 }],
    })),
    usage: resellers.map((i) => ({
      companyId: id(i),
      product: "SNS",
      used: 55 + i * 8,
      measuredAt: "2026-03-09T00:00:00Z",
    })),
    activity: ids
      .filter((i) => i % 2 === 0)
      .map((i) => ({
        companyId: id(i),
        product: "DA",
        lastUsedAt: `2026-02-${String(10 - i).padStart(2, "0")}T00:00:00Z`,
      })),
    scanners: ids
      .filter((i) => i % 3 === 0)
      .map((i) => ({ id: `sa-${i}`, companyId: id(i), name: "Appliance", status: "offline" })),
    scans: ids
      .filter((i) => i % 4 === 0)
      .map((i) => ({
        id: `scan-${i}`,
        companyId: id(i),
        product: "SNS",
        status: "error",
        startedAt: "2026-03-09T02:00:00Z",
      })),
  });
}

const companyOf = (state: TaskState) => decodeURIComponent(state.fingerprint.split("/")[1] ?? "");

describe.each(testDatabaseKinds())("scan robustness on %s", (kind) => {
  let database: TestDatabase<Database>;
  let db: Kysely<Database>;
  /** The outcome of one uninterrupted scan of portfolio(7) on an empty store. */
  let clean: TaskState[];

  const freshData = async (companies = 7) => {
    await resetData(db);
    await importText(contextAt(db, AT), portfolio(companies));
  };
  const scan = (options: Parameters<typeof runScan>[1] = {}) =>
    runScan(contextAt(db, AT), { at: new Date(AT), ...options });
  /** Tasks that do not have exactly one 'opened' event. */
  const badlyOpened = async () => {
    const { rows } = await sql<{ id: string; opened: number }>`
      select t.id, count(e.id) filter (where e.kind = 'opened')::int as opened
      from tasks t left join task_events e on e.task_id = t.id
      group by t.id having count(e.id) filter (where e.kind = 'opened') <> 1`.execute(db);
    return rows;
  };

  beforeAll(async () => {
    database = await openMigratedDatabase(kind);
    db = database.db;
    await freshData();
    const run = await scan();
    expect(run).toMatchObject({ status: "completed", companiesScanned: 7, errorCount: 0 });
    clean = await taskStates(db);
  });
  afterAll(() => database?.close());

  it("the portfolio raises tasks for every company (the other tests rely on it)", () => {
    expect(new Set(clean.map(companyOf))).toEqual(
      new Set(["co-1", "co-2", "co-3", "co-4", "co-5", "co-6", "co-7"]),
    );
    expect(clean.every((t) => t.status === "open")).toBe(true);
  });

  it.skipIf(kind === "pglite")(
    "R-LIFECYCLE-7 two scans at once never hold two live tasks for one fingerprint, and open each once",
    async () => {
      for (let round = 0; round < 3; round++) {
        await freshData();
        const runs = await Promise.all([
          scan({ batchSize: 1 }),
          scan({ batchSize: 1 }),
          scan({ batchSize: 3 }),
        ]);
        expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
        expect(await duplicateLiveFingerprints(db)).toEqual([]);
        expect(await badlyOpened()).toEqual([]);
        expect(await taskStates(db)).toEqual(clean);
        expect(runs.reduce((n, r) => n + r.tasksOpened, 0)).toBe(clean.length);
      }
    },
  );

  it("the unique index rejects a second live task for a fingerprint", async () => {
    await freshData();
    await scan();
    const live = await db
      .selectFrom("tasks")
      .select("id")
      .where("status", "<>", "resolved")
      .executeTakeFirstOrThrow();
    // Copy by column list (not SELECT *): generated columns added by later migrations take no value.
    const copy = (status: string) => sql`
      insert into tasks (id, partner_id, partnership_id, company_id, fingerprint, type, subject, category,
        severity, severity_rank, status, title, details, tab, highlight, rule_id, opened_at, updated_at, resolved_at)
      select id || '-' || ${status}, partner_id, partnership_id, company_id, fingerprint, type, subject, category,
        severity, severity_rank, ${status}, title, details, tab, highlight, rule_id, opened_at, updated_at,
        case when ${status} = 'resolved' then updated_at end
      from tasks where id = ${live.id}`;
    const error = await copy("open")
      .execute(db)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isPostgresUniqueViolation(error)).toBe(true);
    // A resolved task of the same fingerprint is history, not a duplicate.
    await copy("resolved").execute(db);
    expect(await duplicateLiveFingerprints(db)).toEqual([]);
  });

  it("a scan killed after its first batch leaves that batch committed, and the next scan finishes the rest", async () => {
    await freshData();
    const killed = scan({
      batchSize: 2,
      onProgress: () => {
        throw new Error("killed after the first batch");
      },
    });
    await expect(killed).rejects.toThrow("killed after the first batch");
    const firstBatch = await taskStates(db);
    expect(firstBatch).toEqual(clean.filter((t) => ["co-1", "co-2"].includes(companyOf(t))));
    expect(await badlyOpened()).toEqual([]);
    const failedRun = await db.selectFrom("scan_runs").selectAll().executeTakeFirstOrThrow();
    expect(failedRun).toMatchObject({
      status: "failed",
      companies_scanned: 2,
      tasks_opened: firstBatch.length,
    });

    const resumed = await scan({ batchSize: 2 });
    expect(resumed).toMatchObject({
      status: "completed",
      companiesScanned: 7,
      tasksOpened: clean.length - firstBatch.length,
    });
    expect(resumed.tasksUpdated + resumed.tasksResolved).toBe(0);
    expect(await taskStates(db)).toEqual(clean);
    expect(await badlyOpened()).toEqual([]);
  });

  it("a run left 'running' with a stale heartbeat is marked 'interrupted' by the next scan", async () => {
    await freshData(1);
    const run = (id: string, heartbeat: string) => ({
      id,
      at: heartbeat,
      company_id: null,
      started_at: heartbeat,
      heartbeat_at: heartbeat,
      status: "running",
      errors: "[]",
    });
    await db
      .insertInto("scan_runs")
      .values([run("died", "2026-03-10T09:00:00Z"), run("still-going", "2026-03-10T09:59:00Z")])
      .execute();
    await scan();
    const runs = await db.selectFrom("scan_runs").select(["id", "status"]).orderBy("started_at").execute();
    expect(runs).toEqual([
      { id: "died", status: "interrupted" },
      { id: "still-going", status: "running" },
      { id: expect.any(String), status: "completed" },
    ]);
  });

  it("a company whose evaluation throws keeps its tasks and is listed in the run's errors", async () => {
    await freshData(3);
    await scan();
    const before = await db
      .selectFrom("tasks")
      .selectAll()
      .where("company_id", "=", "co-1")
      .orderBy("id")
      .execute();
    expect(before.length).toBeGreaterThan(0);
    // Storage accepts what the import would refuse: a product code the core has no name for.
    await sql`insert into orders (order_number, partner_id, company_id, start_date, end_date, status, lines)
      values ('SO-X', 'nordsec', 'co-1', '2026-01-01', '2026-12-31', 'active', '[{"product":"XYZ","quantity":10}]')`.execute(
      db,
    );
    await sql`insert into usage (company_id, product, measured_at, partner_id, used)
      values ('co-1', 'XYZ', '2026-03-09T00:00:00Z', 'nordsec', 9)`.execute(db);

    const run = await scan();
    expect(run).toMatchObject({ status: "completed", companiesScanned: 3, errorCount: 1, tasksResolved: 0 });
    expect(run.errors).toEqual([{ companyId: "co-1", message: expect.any(String) }]);
    const stored = await db
      .selectFrom("scan_runs")
      .select("errors")
      .where("id", "=", run.id)
      .executeTakeFirstOrThrow();
    expect(stored.errors).toEqual(run.errors);
    const after = await db
      .selectFrom("tasks")
      .selectAll()
      .where("company_id", "=", "co-1")
      .orderBy("id")
      .execute();
    expect(after).toEqual(before);
  });

  it("a company whose stored order lines are not a list fails alone: its tasks stay, the others are scanned", async () => {
    await freshData(3);
    await scan();
    const tasksOf = (companyId: string) =>
      db.selectFrom("tasks").selectAll().where("company_id", "=", companyId).orderBy("id").execute();
    const before = await tasksOf("co-1");
    // A new offline appliance for co-2: a scan that reaches co-2 opens a task for it.
    await importText(
      contextAt(db, AT),
      JSON.stringify({ scanners: [{ id: "sa-new", companyId: "co-2", name: "New", status: "offline" }] }),
    );
    await sql`insert into orders (order_number, partner_id, company_id, start_date, end_date, status, lines)
      values ('SO-Y', 'nordsec', 'co-1', '2026-01-01', '2026-12-31', 'active', '{"product":"SNS"}')`.execute(
      db,
    );

    const run = await scan();
    expect(run).toMatchObject({ status: "completed", companiesScanned: 3, errorCount: 1, tasksOpened: 1 });
    expect(run.errors.map((e) => e.companyId)).toEqual(["co-1"]);
    expect(await tasksOf("co-1")).toEqual(before);
    expect((await tasksOf("co-2")).map((t) => t.type)).toContain("inactive-scanners");
  });
});
