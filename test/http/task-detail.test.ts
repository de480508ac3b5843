/**
 * GET /tasks/{id}: the task with its explanation (every rule of src/core/rules), its history, its
 * company and the resolved tasks of its fingerprint it follows; hidden from other partners and from
 * users limited to other companies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../../src/app/import/import-records.ts";
import { readRecords } from "../../src/app/import/read-records.ts";
import { runScan } from "../../src/app/scan.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal, twoPartners } from "../support/http-app.ts";

const usage = (companyId: string, product: string, used: number, measuredAt: string) => ({
  companyId,
  product,
  used,
  measuredAt,
});

/** Alpha gains a licence at 92.4 %, a licence whose task comes and goes, and an MSSP company. */
const EXTRA = {
  partnerships: [{ id: "alpha-mssp", partnerId: "alpha", name: "Alpha Managed", type: "mssp" }],
  companies: [
    { id: "alpha-c3", partnershipId: "alpha-resale", name: "alpha Company Three" },
    { id: "alpha-c4", partnershipId: "alpha-resale", name: "alpha Company Four" },
    { id: "alpha-m1", partnershipId: "alpha-mssp", name: "alpha Managed One" },
  ],
  orders: [
    {
      orderNumber: "alpha-SO-3",
      companyId: "alpha-c3",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      lines: [{ product: "SNS", quantity: 250 }],
    },
    {
      orderNumber: "alpha-SO-4",
      companyId: "alpha-c4",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      lines: [{ product: "DA", quantity: 100 }],
    },
  ],
  usage: [
    usage("alpha-c3", "SNS", 231, "2026-12-03T00:00:00Z"),
    usage("alpha-c4", "DA", 70, "2026-12-01T00:00:00Z"),
  ],
  activity: [
    {
      companyId: "alpha-m1",
      product: "DA",
      enabledAt: "2026-01-05T00:00:00Z",
      lastUsedAt: "2026-10-25T10:00:00Z",
    },
  ],
  scans: [
    {
      id: "m1-sns",
      companyId: "alpha-m1",
      product: "SNS",
      status: "error",
      startedAt: "2026-12-02T02:00:00Z",
      target: "LAN",
    },
    {
      id: "m1-was",
      companyId: "alpha-m1",
      product: "WAS",
      status: "error",
      startedAt: "2026-12-03T02:00:00Z",
      target: "https://a.test",
    },
  ],
};

describe.each(testDatabaseKinds())("GET /tasks/{id} on %s", (kind) => {
  let portal: TestPortal;
  let ann: Session;
  let uma: Session;

  const get = (id: string, headers: Record<string, string> = ann.headers) =>
    portal.app.inject({ url: `/api/v1/tasks/${encodeURIComponent(id)}`, headers });
  const taskIds = async (where: { companyId: string; type?: string; status?: string }) => {
    let query = portal.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("company_id", "=", where.companyId)
      .orderBy("opened_at");
    if (where.type) query = query.where("type", "=", where.type);
    if (where.status) query = query.where("status", "=", where.status);
    return (await query.execute()).map((r) => r.id);
  };
  const liveTask = async (companyId: string, type: string) => {
    const [id] = await taskIds({ companyId, type, status: "open" });
    if (!id) throw new Error(`no open ${type} task of ${companyId}`);
    return id;
  };

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    const base = twoPartners();
    const merged: Record<string, unknown[]> = { ...base };
    for (const [key, list] of Object.entries(EXTRA)) merged[key] = [...(base[key] ?? []), ...list];
    await portal.load(merged);
    await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
    await portal.addUser({
      email: "uma@alpha.test",
      name: "Uma",
      role: "user",
      partnerId: "alpha",
      companyIds: ["alpha-c1"],
    });
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    ann = await portal.signIn("ann@alpha.test");
    uma = await portal.signIn("uma@alpha.test");
  });
  afterAll(() => portal.close());

  it("explains a renewal ending within a month, with its company and its opening", async () => {
    const id = await liveTask("alpha-c1", "contract-renewal");
    const response = await get(id);
    expect(response.statusCode).toBe(200);
    const task = response.json();
    expect(task).toMatchObject({
      id,
      type: "contract-renewal",
      severity: "high",
      status: "open",
      companyName: "alpha Company One",
      assignee: null,
      previousTasks: [],
      company: {
        id: "alpha-c1",
        name: "alpha Company One",
        partnershipId: "alpha-resale",
        partnershipName: "alpha Resale",
        partnershipType: "reseller",
      },
      explanation: {
        ruleId: "R-RENEWAL-4",
        rule: "Contract ends within 1 month (or has ended)",
        threshold: "end date before 2027-01-04",
        observed: "ends 2026-12-20, in 16 days",
        asOf: "2026-12-04T09:00:00.000Z",
      },
    });
    expect(task.history).toEqual([
      {
        id: expect.any(Number),
        at: "2026-12-04T09:00:00.000Z",
        kind: "opened",
        actor: null,
        data: { severity: "high", previousTaskId: null },
      },
    ]);
  });

  it("explains licence usage from 80 % with what was measured", async () => {
    const task = (await get(await liveTask("alpha-c3", "license-usage"))).json();
    expect(task.explanation).toMatchObject({
      ruleId: "R-USAGE-3",
      rule: "Licence usage from 80 % up to 100 %",
      threshold: "80 %",
      observed: "92.4 % (231 of 250)",
    });
  });

  it("explains every rule that raised a task in words, never only its id", async () => {
    const rows = await portal.ctx.db
      .selectFrom("tasks")
      .select(["id", "rule_id", "type"])
      .where("partner_id", "=", "alpha")
      .execute();
    const types = new Set(rows.map((r) => r.type));
    expect([...types].sort()).toEqual([
      "contract-renewal",
      "inactive-product",
      "inactive-scanners",
      "license-usage",
      "sns-failed-scans",
      "was-failed-scans",
    ]);
    const explained = await Promise.all(rows.map(async (r) => (await get(r.id)).json().explanation));
    for (const [i, explanation] of explained.entries()) {
      expect(explanation.ruleId).toBe(rows[i]?.rule_id);
      expect(explanation.rule).not.toBe(explanation.ruleId);
      expect(explanation.threshold).not.toBe("");
    }
    const byRule = Object.fromEntries(explained.map((e) => [e.ruleId, e]));
    expect(byRule["R-USAGE-4"]).toMatchObject({
      rule: "Licence usage above 100 %",
      threshold: "more than 100 %",
      observed: "120 % (120 of 100, 20 over)",
    });
    expect(byRule["R-RENEWAL-3"]).toMatchObject({
      threshold: "end date on or before 2027-03-04",
      observed: "ends 2027-02-20, in 78 days",
    });
    expect(byRule["R-INACTIVE-4"]).toMatchObject({
      rule: "Product unused for more than 30 days",
      observed: "Device Agent last used 2026-10-25, 40 days ago",
    });
    expect(byRule["R-SCANNERS-2"]).toMatchObject({ observed: "1 of 1 inactive: HQ" });
    expect(byRule["R-FAILED-SCANS-2"]).toMatchObject({ threshold: "1 or more failed scans" });
  });

  it("links a condition that returned to the resolved tasks before it, newest first", async () => {
    // Scans of this company alone, an hour apart, each after a new measurement.
    const measureAndScan = async (used: number, measuredAt: string, scanAt: string) => {
      await importRecords(
        portal.ctx,
        readRecords(JSON.stringify({ usage: [usage("alpha-c4", "DA", used, measuredAt)] })),
      );
      await runScan(portal.ctx, { at: new Date(scanAt), companyIds: ["alpha-c4"] });
    };
    await measureAndScan(10, "2026-12-04T09:30:00Z", "2026-12-04T10:00:00Z");
    await measureAndScan(75, "2026-12-04T10:30:00Z", "2026-12-04T11:00:00Z");
    await measureAndScan(5, "2026-12-04T11:30:00Z", "2026-12-04T12:00:00Z");
    await measureAndScan(80, "2026-12-04T12:30:00Z", "2026-12-04T13:00:00Z");
    const [first, second, third] = await taskIds({ companyId: "alpha-c4" });
    const task = (await get(third ?? "")).json();
    expect(task.status).toBe("open");
    expect(task.previousTaskId).toBe(second);
    expect(task.previousTasks).toEqual([
      { id: second, openedAt: "2026-12-04T11:00:00.000Z", resolvedAt: "2026-12-04T12:00:00.000Z" },
      { id: first, openedAt: "2026-12-04T09:00:00.000Z", resolvedAt: "2026-12-04T10:00:00.000Z" },
    ]);
    expect(task.explanation.asOf).toBe("2026-12-04T13:00:00.000Z");
    const resolved = (await get(first ?? "")).json();
    expect(resolved.status).toBe("resolved");
    expect(resolved.history.map((e: { kind: string }) => e.kind)).toEqual(["opened", "resolved"]);
    expect(resolved.explanation.asOf).toBe("2026-12-04T10:00:00.000Z");
  });

  it("answers 404 TASK_NOT_FOUND for another partner's task, exactly as for a missing one", async () => {
    const foreign = await get(await liveTask("beta-c1", "contract-renewal"));
    const missing = await get("no-such-task");
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("TASK_NOT_FOUND");
    expect(foreign.json().error.message.replace(/".*"/, "")).toBe(
      missing.json().error.message.replace(/".*"/, ""),
    );
  });

  it("hides tasks of companies a limited user is not assigned (404), shows its own", async () => {
    expect((await get(await liveTask("alpha-c2", "inactive-scanners"), uma.headers)).statusCode).toBe(404);
    expect((await get(await liveTask("alpha-c1", "contract-renewal"), uma.headers)).statusCode).toBe(200);
  });

  it("lets the vendor's staff read any partner's task", async () => {
    const vera = await portal.signIn("vera@vendor.test");
    const response = await get(await liveTask("beta-c1", "contract-renewal"), vera.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json().company.partnershipId).toBe("beta-resale");
  });

  it("reads with a read token; refuses an ingest token (403) and anonymous callers (401)", async () => {
    const id = await liveTask("alpha-c1", "contract-renewal");
    const read = await portal.token("alpha", "read");
    expect((await get(id, { authorization: `Bearer ${read}` })).statusCode).toBe(200);
    const ingest = await portal.token(null, "ingest");
    const forbidden = await get(id, { authorization: `Bearer ${ingest}` });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("FORBIDDEN");
    const anonymous = await get(id, {});
    expect(anonymous.statusCode).toBe(401);
  });

  it("answers 400 for an id that cannot be a task id", async () => {
    const response = await get("not a task id");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("INVALID_ARGUMENT");
  });
});
