/**
 * The task lifecycle through the store (spec: tasks.md § Task lifecycle; docs/rules.md
 * R-LIFECYCLE-*): scans at successive instants over one licence whose usage rises, falls, clears
 * and returns. Every measurement is imported up front; a scan only sees those taken before it.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScan } from "../../src/app/scan.ts";
import type { Database } from "../../src/db/schema.ts";
import { type TestDatabase, testDatabaseKinds } from "../support/databases.ts";
import {
  contextAt,
  countRows,
  eventsOf,
  importText,
  openMigratedDatabase,
  resetData,
} from "../support/portal.ts";

const FINGERPRINT = "license-usage/acme/SNS";

/** Scan instants; each day's measurement is taken at 06:00 and the scan runs at noon. */
const DAY = {
  low: "2026-03-01T12:00:00Z", // 65 of 100: low
  lowAgain: "2026-03-01T20:00:00Z", // 66 of 100 at 18:00: still low, new details
  medium: "2026-03-02T12:00:00Z", // 85: medium
  lowLater: "2026-03-03T12:00:00Z", // 70: low
  clear: "2026-03-04T12:00:00Z", // 50: no task
  back: "2026-03-05T12:00:00Z", // 90: medium again
} as const;

const usage = (measuredAt: string, used: number) => ({ companyId: "acme", product: "SNS", used, measuredAt });

const DATA = JSON.stringify({
  partners: [{ id: "nordsec", name: "Nordsec AB" }],
  partnerships: [{ id: "nordsec-resale", partnerId: "nordsec", name: "Nordsec Reseller", type: "reseller" }],
  companies: [{ id: "acme", partnershipId: "nordsec-resale", name: "Acme" }],
  // Ends far beyond six months: no renewal task, only the licence task.
  orders: [
    {
      orderNumber: "SO-1",
      companyId: "acme",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      lines: [{ product: "SNS", quantity: 100 }],
    },
  ],
  usage: [
    usage("2026-03-01T06:00:00Z", 65),
    usage("2026-03-01T18:00:00Z", 66),
    usage("2026-03-02T06:00:00Z", 85),
    usage("2026-03-03T06:00:00Z", 70),
    usage("2026-03-04T06:00:00Z", 50),
    usage("2026-03-05T06:00:00Z", 90),
  ],
});

describe.each(testDatabaseKinds())("task lifecycle through the store on %s", (kind) => {
  let database: TestDatabase<Database>;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await openMigratedDatabase(kind);
    db = database.db;
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    await resetData(db);
    await importText(contextAt(db, DAY.low), DATA);
  });

  const scanAt = (at: string) => runScan(contextAt(db, at), { at: new Date(at) });
  const tasks = () => db.selectFrom("tasks").selectAll().orderBy("opened_at").execute();
  const onlyTask = async () => {
    const all = await tasks();
    expect(all).toHaveLength(1);
    const [task] = all;
    if (!task) throw new Error("no task");
    return task;
  };

  it("R-LIFECYCLE-1 a new condition opens a task with an 'opened' event", async () => {
    const run = await scanAt(DAY.low);
    expect(run).toMatchObject({ status: "completed", companiesScanned: 1, tasksOpened: 1, errorCount: 0 });
    const task = await onlyTask();
    expect(task).toMatchObject({
      fingerprint: FINGERPRINT,
      type: "license-usage",
      severity: "low",
      status: "open",
      resolved_at: null,
      previous_task_id: null,
    });
    expect(Date.parse(task.opened_at)).toBe(Date.parse(DAY.low));
    expect(await eventsOf(db, task.id)).toEqual([
      { kind: "opened", data: { severity: "low", previousTaskId: null } },
    ]);
  });

  it("R-LIFECYCLE-2 a rising severity updates the same task and records escalated from → to", async () => {
    await scanAt(DAY.low);
    const opened = await onlyTask();
    const run = await scanAt(DAY.medium);
    expect(run).toMatchObject({ tasksOpened: 0, tasksUpdated: 1, tasksResolved: 0 });
    const task = await onlyTask();
    expect(task).toMatchObject({ id: opened.id, severity: "medium", severity_rank: 2, status: "open" });
    expect(task.opened_at).toBe(opened.opened_at);
    expect(Date.parse(task.updated_at)).toBe(Date.parse(DAY.medium));
    expect((await eventsOf(db, task.id)).map((e) => [e.kind, e.data])).toEqual([
      ["opened", { severity: "low", previousTaskId: null }],
      ["escalated", { from: "low", to: "medium" }],
    ]);
  });

  it("R-LIFECYCLE-3 a falling severity records de-escalated from → to", async () => {
    await scanAt(DAY.low);
    await scanAt(DAY.medium);
    await scanAt(DAY.lowLater);
    const task = await onlyTask();
    expect(task.severity).toBe("low");
    expect((await eventsOf(db, task.id)).map((e) => e.kind)).toEqual(["opened", "escalated", "de-escalated"]);
    expect((await eventsOf(db, task.id)).at(-1)?.data).toEqual({ from: "medium", to: "low" });
  });

  it("R-LIFECYCLE-4 a cleared condition resolves the task, with resolvedAt and a 'resolved' event", async () => {
    await scanAt(DAY.low);
    const run = await scanAt(DAY.clear);
    expect(run).toMatchObject({ tasksOpened: 0, tasksUpdated: 0, tasksResolved: 1 });
    const task = await onlyTask();
    expect(task.status).toBe("resolved");
    expect(Date.parse(task.resolved_at ?? "")).toBe(Date.parse(DAY.clear));
    expect((await eventsOf(db, task.id)).at(-1)).toEqual({
      kind: "resolved",
      data: { from: "open", severity: "low" },
    });
  });

  it("R-LIFECYCLE-1 a returning condition opens a new task linked to the resolved one", async () => {
    await scanAt(DAY.low);
    await scanAt(DAY.clear);
    const resolved = await onlyTask();
    const run = await scanAt(DAY.back);
    expect(run).toMatchObject({ tasksOpened: 1, tasksResolved: 0 });
    const all = await tasks();
    expect(all).toHaveLength(2);
    const [first, second] = all;
    expect(first).toMatchObject({ id: resolved.id, status: "resolved" });
    expect(second).toMatchObject({
      fingerprint: FINGERPRINT,
      status: "open",
      severity: "medium",
      previous_task_id: resolved.id,
    });
    expect(second?.id).not.toBe(resolved.id);
    expect(await eventsOf(db, second?.id ?? "")).toEqual([
      { kind: "opened", data: { severity: "medium", previousTaskId: resolved.id } },
    ]);
  });

  it("R-LIFECYCLE-8 rescanning the same data at the same instant changes nothing", async () => {
    await scanAt(DAY.low);
    await scanAt(DAY.medium);
    const before = await tasks();
    const eventsBefore = (await countRows(db)).task_events;
    const run = await scanAt(DAY.medium);
    expect(run).toMatchObject({ status: "completed", tasksOpened: 0, tasksUpdated: 0, tasksResolved: 0 });
    expect(await tasks()).toEqual(before);
    expect((await countRows(db)).task_events).toBe(eventsBefore);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from scan_runs`.execute(db);
    expect(rows[0]?.n).toBe(3);
  });

  it("R-LIFECYCLE-5 an escalation wakes a snoozed task early", async () => {
    await scanAt(DAY.low);
    await db
      .updateTable("tasks")
      .set({ status: "snoozed", snoozed_until: "2026-04-01T00:00:00Z" })
      .where("fingerprint", "=", FINGERPRINT)
      .execute();
    await scanAt(DAY.medium);
    const task = await onlyTask();
    expect(task).toMatchObject({ status: "open", snoozed_until: null, severity: "medium" });
    expect((await eventsOf(db, task.id)).slice(1)).toEqual([
      { kind: "escalated", data: { from: "low", to: "medium" } },
      { kind: "woke", data: { from: "snoozed", reason: "escalated" } },
    ]);
  });

  it("R-LIFECYCLE-5 a de-escalation leaves a snoozed task snoozed", async () => {
    await scanAt(DAY.medium);
    await db
      .updateTable("tasks")
      .set({ status: "snoozed", snoozed_until: "2026-04-01T00:00:00Z" })
      .where("fingerprint", "=", FINGERPRINT)
      .execute();
    await scanAt(DAY.lowLater);
    const task = await onlyTask();
    expect(task).toMatchObject({ status: "snoozed", severity: "low" });
    expect(Date.parse(task.snoozed_until ?? "")).toBe(Date.parse("2026-04-01T00:00:00Z"));
    expect((await eventsOf(db, task.id)).map((e) => e.kind)).toEqual(["opened", "de-escalated"]);
  });

  it("R-LIFECYCLE-5 a dismissed task stays dismissed when a rescan finds the same severity", async () => {
    await scanAt(DAY.low);
    await db
      .updateTable("tasks")
      .set({ status: "dismissed" })
      .where("fingerprint", "=", FINGERPRINT)
      .execute();
    const run = await scanAt(DAY.lowAgain);
    // The new measurement changes the details (66 of 100), so the task is updated — but not woken.
    expect(run).toMatchObject({ tasksOpened: 0, tasksUpdated: 1, tasksResolved: 0 });
    const task = await onlyTask();
    expect(task).toMatchObject({ status: "dismissed", severity: "low" });
    expect(task.details).toMatchObject({ used: 66 });
    expect((await eventsOf(db, task.id)).map((e) => e.kind)).toEqual(["opened"]);
  });
});
