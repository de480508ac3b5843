import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal } from "../support/http-app.ts";
import { acmeAndBeta } from "./acme-fixture.ts";

type Day = { date: string; high: number; medium: number; low: number };

describe.each(testDatabaseKinds())("dashboard API on %s", (kind) => {
  let portal: TestPortal;
  let admin: Session;
  let limited: Session;
  let vendor: Session;

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(acmeAndBeta());
    await portal.addUser({ email: "ann@acme.test", name: "Ann", role: "admin", partnerId: "acme" });
    await portal.addUser({
      email: "lim@acme.test",
      name: "Lim",
      role: "user",
      partnerId: "acme",
      companyIds: ["initech", "hooli"],
    });
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    [admin, limited, vendor] = await Promise.all([
      portal.signIn("ann@acme.test"),
      portal.signIn("lim@acme.test"),
      portal.signIn("vera@vendor.test"),
    ]);
  });
  afterAll(() => portal.close());

  const get = (url: string, headers: Record<string, string> = admin.headers) =>
    portal.app.inject({ url: `/api/v1${url}`, headers });
  const day = (days: Day[], date: string) => days.find((d) => d.date === date);

  it("computes the partner's figures (hand-checked against the fixture)", async () => {
    const response = await get("/dashboard");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // zenith, initech, hooli, acmew; umbrella is archived.
    expect(body.customers).toBe(4);
    // SO-1, SO-2, SO-7, SO-9 (zenith), SO-3, SO-8 (initech); not SO-4 (renewed), SO-5 (starts 2027),
    // SO-6 (MSSP).
    expect(body.activeSubscriptions).toBe(6);
    expect(body.acv).toEqual([
      { currency: "EUR", amount: 16000 },
      { currency: "SEK", amount: 700 },
      { currency: "USD", amount: 5000 },
    ]);
    // Ending 2026-12-04 … 2027-03-04: SO-1 (EUR 12000), SO-3 (EUR 3000), SO-7 (SEK 700, on the boundary).
    expect(body.acvRenewingIn3Months).toEqual([
      { currency: "EUR", amount: 15000 },
      { currency: "SEK", amount: 700 },
    ]);
    expect(body.openTasks).toEqual({
      total: 8,
      severity: { high: 2, medium: 4, low: 2 },
      category: { commercial: 4, "product-usage": 2, "churn-risk": 2 },
    });
  });

  it("gives 90 days of open tasks, oldest first, today's equal to the open counts", async () => {
    const days: Day[] = (await get("/dashboard")).json().openTasksPerDay;
    expect(days).toHaveLength(90);
    expect(days[0]?.date).toBe("2026-09-06");
    expect(days.at(-1)).toEqual({ date: "2026-12-04", high: 2, medium: 4, low: 2 });
    // Every task was opened by this morning's scan.
    expect(day(days, "2026-12-03")).toEqual({ date: "2026-12-03", high: 0, medium: 0, low: 0 });
  });

  it("narrows to a partnership: MSSP partnerships have no commercial figures", async () => {
    const body = (await get("/dashboard?partnership=acme-mssp")).json();
    expect(body).toMatchObject({
      customers: 2,
      activeSubscriptions: 0,
      acv: [],
      acvRenewingIn3Months: [],
      openTasks: { total: 3, severity: { high: 1, medium: 1, low: 1 } },
    });
  });

  it("counts only a limited user's companies", async () => {
    const body = (await get("/dashboard", limited.headers)).json();
    expect(body).toMatchObject({
      customers: 2,
      activeSubscriptions: 2,
      acv: [{ currency: "EUR", amount: 4000 }],
      acvRenewingIn3Months: [{ currency: "EUR", amount: 3000 }],
      openTasks: { total: 4, severity: { high: 1, medium: 2, low: 1 } },
    });
    expect(body.openTasksPerDay.at(-1)).toEqual({ date: "2026-12-04", high: 1, medium: 2, low: 1 });
  });

  it("gives the vendor every partner, or the one it picks", async () => {
    const all = (await get("/dashboard", vendor.headers)).json();
    expect(all.customers).toBe(5);
    expect(all.acv).toEqual([
      { currency: "EUR", amount: 16777 },
      { currency: "SEK", amount: 700 },
      { currency: "USD", amount: 5000 },
    ]);
    const acme = (await get("/dashboard?partner=acme", vendor.headers)).json();
    const own = (await get("/dashboard")).json();
    expect(acme).toEqual(own);
  });

  it("shows nothing of another partner, even when its partnership is asked for", async () => {
    const body = (await get("/dashboard?partnership=beta-resale&partner=beta")).json();
    expect(body).toMatchObject({ customers: 0, activeSubscriptions: 0, acv: [], openTasks: { total: 0 } });
  });

  it("answers 400 for an invalid query, 401 without credentials, 403 for an ingest token", async () => {
    const bad = await get(`/dashboard?partner=${"x".repeat(201)}`, vendor.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_ARGUMENT");
    expect((await portal.app.inject({ url: "/api/v1/dashboard" })).statusCode).toBe(401);
    const ingest = await portal.token(null, "ingest");
    expect((await get("/dashboard", { authorization: `Bearer ${ingest}` })).statusCode).toBe(403);
  });

  // Runs last: it rewrites task history to check the per-day counts against known dates.
  it("replays when tasks opened, resolved and were dismissed", async () => {
    const db = portal.ctx.db;
    const taskOf = async (fingerprint: string) =>
      db
        .selectFrom("tasks")
        .select(["id", "partner_id"])
        .where("fingerprint", "=", fingerprint)
        .executeTakeFirstOrThrow();
    const so1 = await taskOf("contract-renewal/zenith/SO-1");
    const so2 = await taskOf("contract-renewal/zenith/SO-2");
    const scanners = await taskOf("inactive-scanners/hooli");
    await db
      .updateTable("tasks")
      .set({ opened_at: "2026-11-01T12:00:00Z" })
      .where("id", "=", so1.id)
      .execute();
    await db
      .updateTable("tasks")
      .set({ opened_at: "2026-11-15T00:00:00Z", status: "resolved", resolved_at: "2026-12-02T12:00:00Z" })
      .where("id", "=", so2.id)
      .execute();
    await db
      .updateTable("tasks")
      .set({ opened_at: "2026-11-20T00:00:00Z", status: "dismissed" })
      .where("id", "=", scanners.id)
      .execute();
    await db
      .insertInto("task_events")
      .values({
        task_id: scanners.id,
        partner_id: scanners.partner_id,
        at: "2026-12-03T10:00:00Z",
        actor_id: null,
        kind: "dismissed",
        data: JSON.stringify({ reason: "replaced" }),
      })
      .execute();

    const body = (await get("/dashboard")).json();
    const days: Day[] = body.openTasksPerDay;
    const expected: Day[] = [
      { date: "2026-10-31", high: 0, medium: 0, low: 0 },
      { date: "2026-11-01", high: 1, medium: 0, low: 0 },
      { date: "2026-11-14", high: 1, medium: 0, low: 0 },
      // 2026-11-15T00:00Z is 01:00 in Stockholm: SO-2 counts from the 15th.
      { date: "2026-11-15", high: 1, medium: 0, low: 1 },
      { date: "2026-11-20", high: 1, medium: 1, low: 1 },
      { date: "2026-12-01", high: 1, medium: 1, low: 1 },
      // SO-2 resolved on the 2nd; the scanners task was dismissed on the 3rd.
      { date: "2026-12-02", high: 1, medium: 1, low: 0 },
      { date: "2026-12-03", high: 1, medium: 0, low: 0 },
      { date: "2026-12-04", high: 2, medium: 3, low: 1 },
    ];
    expect(expected.map((e) => day(days, e.date))).toEqual(expected);
    expect(body.openTasks.severity).toEqual({ high: 2, medium: 3, low: 1 });
  });
});
