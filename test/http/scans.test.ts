/**
 * POST /scans and GET /scans: the vendor's scans on demand and their history, directly and through
 * the scheduler's queue (as the server runs them).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/app/auth/rate-limit.ts";
import { createScheduler } from "../../src/app/scheduler.ts";
import { buildApp } from "../../src/http/app.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal, twoPartners } from "../support/http-app.ts";

describe.each(testDatabaseKinds())("scans API on %s", (kind) => {
  let portal: TestPortal;
  let vendor: Session;
  let admin: Session;
  let ingestToken: string;

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(twoPartners());
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
    vendor = await portal.signIn("vera@vendor.test");
    admin = await portal.signIn("ann@alpha.test");
    ingestToken = await portal.token(null, "ingest");
  });
  afterAll(() => portal.close());

  it("POST /scans scans every company and answers the finished run (vendor staff)", async () => {
    const response = await portal.app.inject({
      method: "POST",
      url: "/api/v1/scans",
      headers: vendor.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      companyId: null,
      status: "completed",
      companiesScanned: 4,
      tasksOpened: 0,
      errorCount: 0,
      errors: [],
      finishedAt: expect.any(String),
    });
  });

  it("POST /scans with the ingest token, body {}", async () => {
    const response = await portal.app.inject({
      method: "POST",
      url: "/api/v1/scans",
      payload: {},
      headers: { authorization: `Bearer ${ingestToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("completed");
  });

  it("GET /scans lists recent runs, newest first, limited", async () => {
    const all = await portal.app.inject({ url: "/api/v1/scans", headers: vendor.headers });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as { id: string; status: string }[];
    expect(items.length).toBeGreaterThanOrEqual(3); // the load's scan and the two above
    expect(items.every((run) => run.status === "completed")).toBe(true);
    const one = await portal.app.inject({
      url: "/api/v1/scans?limit=1",
      headers: { authorization: `Bearer ${ingestToken}` },
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().items).toHaveLength(1);
  });

  it("GET /scans answers 400 for a bad limit", async () => {
    for (const limit of ["0", "201", "many"]) {
      const response = await portal.app.inject({
        url: `/api/v1/scans?limit=${limit}`,
        headers: vendor.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("INVALID_ARGUMENT");
    }
  });

  it("answers 401 without a session or token", async () => {
    for (const method of ["GET", "POST"] as const) {
      const response = await portal.app.inject({ method, url: "/api/v1/scans" });
      expect(response.statusCode).toBe(401);
    }
  });

  it("answers 403 to partners' users and tokens", async () => {
    const read = await portal.token("alpha", "read");
    for (const headers of [admin.headers, { authorization: `Bearer ${read}` }]) {
      for (const method of ["GET", "POST"] as const) {
        const response = await portal.app.inject({ method, url: "/api/v1/scans", headers });
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("through the scheduler's queue: concurrent scans and an ingestion are all answered", async () => {
    const scheduler = createScheduler(portal.ctx, { everyMinutes: 0 });
    const app = await buildApp({
      ctx: portal.ctx,
      sessions: {
        ttlHours: 12,
        addressLimiter: createRateLimiter(20, 15 * 60_000),
        accountLimiter: createRateLimiter(5, 15 * 60_000),
      },
      secure: false,
      bodyLimit: 1_000_000,
      rescan: (companyIds) => scheduler.rescan(companyIds),
      scanAll: () => scheduler.scanAll(),
    });
    try {
      const headers = { authorization: `Bearer ${ingestToken}` };
      const scan = { kind: "scan", companyId: "beta-c1", product: "WAS", status: "error" };
      const [full, ingested, alsoFull] = await Promise.all([
        app.inject({ method: "POST", url: "/api/v1/scans", headers }),
        app.inject({
          method: "POST",
          url: "/api/v1/ingest",
          payload: `${JSON.stringify({ ...scan, id: "beta-was-1", startedAt: "2026-12-03T01:00:00Z" })}\n`,
          headers: { ...headers, "content-type": "application/x-ndjson" },
        }),
        app.inject({ method: "POST", url: "/api/v1/scans", headers }),
      ]);
      expect([full.statusCode, ingested.statusCode, alsoFull.statusCode]).toEqual([200, 200, 200]);
      expect(full.json().companiesScanned).toBe(4);
      expect(alsoFull.json().status).toBe("completed");
      const tasks = await app.inject({
        url: "/api/v1/tasks?type=was-failed-scans&partner=beta",
        headers: vendor.headers,
      });
      expect(tasks.json().items.map((t: { companyId: string }) => t.companyId)).toEqual(["beta-c1"]);
    } finally {
      await scheduler.stop();
      await app.close();
    }
  });
});
