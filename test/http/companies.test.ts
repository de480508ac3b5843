import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal } from "../support/http-app.ts";
import { acmeAndBeta } from "./acme-fixture.ts";

describe.each(testDatabaseKinds())("companies API on %s", (kind) => {
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
  const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);

  describe("GET /companies", () => {
    it("lists the partner's companies by name with open tasks by severity and the total", async () => {
      const response = await get("/companies");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(names(body)).toEqual(["Acme Widgets", "Hooli", "Initech", "Umbrella", "Zenith Corp"]);
      expect(body.total).toBe(5);
      expect(body.nextCursor).toBeNull();
      expect(body.items[4]).toEqual({
        id: "zenith",
        name: "Zenith Corp",
        partnershipId: "acme-resale",
        partnershipName: "Acme Resale",
        partnershipType: "reseller",
        accountState: "paying",
        tags: ["enterprise", "nordic"],
        openTasks: { high: 1, medium: 2, low: 1 },
      });
      expect(body.items[1].openTasks).toEqual({ high: 1, medium: 1, low: 1 });
      expect(body.items[3].accountState).toBe("archived");
    });

    it("sorts by name descending and by open tasks, most severe first", async () => {
      expect(names((await get("/companies?sort=-name")).json())).toEqual([
        "Zenith Corp",
        "Umbrella",
        "Initech",
        "Hooli",
        "Acme Widgets",
      ]);
      expect(names((await get("/companies?sort=tasks")).json())).toEqual([
        "Zenith Corp",
        "Hooli",
        "Initech",
        "Acme Widgets",
        "Umbrella",
      ]);
    });

    it("pages with a cursor, keeping the order and the total", async () => {
      const seen: string[] = [];
      let url = "/companies?sort=tasks&limit=2";
      for (let pages = 0; pages < 5; pages += 1) {
        const body = (await get(url)).json();
        expect(body.total).toBe(5);
        seen.push(...names(body));
        if (!body.nextCursor) break;
        url = `/companies?sort=tasks&limit=2&cursor=${body.nextCursor}`;
      }
      expect(seen).toEqual(["Zenith Corp", "Hooli", "Initech", "Acme Widgets", "Umbrella"]);
      const byName = (await get("/companies?sort=-name&limit=3")).json();
      const rest = (await get(`/companies?sort=-name&limit=3&cursor=${byName.nextCursor}`)).json();
      expect([...names(byName), ...names(rest)]).toEqual([
        "Zenith Corp",
        "Umbrella",
        "Initech",
        "Hooli",
        "Acme Widgets",
      ]);
      expect(rest.nextCursor).toBeNull();
    });

    it("filters by search (name or id), partnership, tag and severity", async () => {
      expect(names((await get("/companies?q=hoo")).json())).toEqual(["Hooli"]);
      expect(names((await get("/companies?q=ACMEW")).json())).toEqual(["Acme Widgets"]);
      const mssp = (await get("/companies?partnership=acme-mssp")).json();
      expect(names(mssp)).toEqual(["Acme Widgets", "Hooli"]);
      expect(mssp.total).toBe(2);
      expect(names((await get("/companies?tag=nordic")).json())).toEqual(["Acme Widgets", "Zenith Corp"]);
      expect(names((await get("/companies?severity=high")).json())).toEqual(["Hooli", "Zenith Corp"]);
      expect(names((await get("/companies?severity=medium,low")).json())).toEqual([
        "Hooli",
        "Initech",
        "Zenith Corp",
      ]);
      expect((await get("/companies?q=nothing-like-this")).json()).toEqual({
        items: [],
        nextCursor: null,
        total: 0,
      });
    });

    it("shows a limited user only its companies", async () => {
      const body = (await get("/companies", limited.headers)).json();
      expect(names(body)).toEqual(["Hooli", "Initech"]);
      expect(body.total).toBe(2);
    });

    it("shows the vendor every partner, or the one it picks", async () => {
      expect((await get("/companies", vendor.headers)).json().total).toBe(6);
      expect(names((await get("/companies?partner=beta", vendor.headers)).json())).toEqual(["Beta Company"]);
    });

    it("never shows another partner's companies, even when asked", async () => {
      const body = (await get("/companies?partner=beta&partnership=beta-resale")).json();
      expect(body).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it("answers 400 for a bad filter, limit or cursor", async () => {
      for (const url of [
        "/companies?severity=urgent",
        "/companies?sort=size",
        "/companies?limit=0",
        "/companies?limit=201",
        "/companies?cursor=not-a-cursor",
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code).toBe("INVALID_ARGUMENT");
      }
    });

    it("answers 401 without credentials and 403 for an ingest token", async () => {
      expect((await portal.app.inject({ url: "/api/v1/companies" })).statusCode).toBe(401);
      const ingest = await portal.token(null, "ingest");
      const response = await get("/companies", { authorization: `Bearer ${ingest}` });
      expect(response.statusCode).toBe(403);
    });

    it("accepts a partner's read token", async () => {
      const token = await portal.token("acme", "read");
      const response = await get("/companies", { authorization: `Bearer ${token}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toBe(5);
    });
  });

  describe("GET /companies/{id}", () => {
    it("shows a reseller company's orders, licence usage and live tasks", async () => {
      const response = await get("/companies/zenith");
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.company).toEqual({
        id: "zenith",
        name: "Zenith Corp",
        partnershipId: "acme-resale",
        partnershipName: "Acme Resale",
        partnershipType: "reseller",
        accountState: "paying",
        tags: ["enterprise", "nordic"],
      });
      expect(page.openTasks).toEqual({ high: 1, medium: 2, low: 1 });
      expect(page.highestSeverity).toBe("high");
      expect(page.commercial.orders.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([
        "SO-9",
        "SO-2",
        "SO-7",
        "SO-1",
      ]);
      expect(page.commercial.orders[3]).toEqual({
        orderNumber: "SO-1",
        startDate: "2026-01-01",
        endDate: "2026-12-20",
        status: "active",
        acv: 12000,
        currency: "EUR",
        lines: [{ product: "SNS", productName: "System & Network Security", quantity: 250 }],
        daysToRenewal: 16,
      });
      expect(page.commercial.orders[0]).toMatchObject({ acv: null, currency: null, daysToRenewal: 392 });
      expect(page.commercial.acv).toEqual([
        { currency: "EUR", amount: 12000 },
        { currency: "SEK", amount: 700 },
        { currency: "USD", amount: 5000 },
      ]);
      const usage = page.productUsage.products;
      expect(usage.map((p: { product: string }) => p.product)).toEqual(["SNS", "DA", "WAS", "CS", "PAT"]);
      expect(usage[0]).toEqual({
        product: "SNS",
        productName: "System & Network Security",
        licensed: 250,
        used: 240,
        usagePercent: 96,
        measuredAt: "2026-12-03T00:00:00.000Z",
        enabledAt: null,
        lastUsedAt: null,
      });
      expect(usage[1]).toMatchObject({ licensed: 100, used: 50, usagePercent: 50 });
      expect(usage[2]).toMatchObject({ product: "WAS", licensed: 5, used: null, usagePercent: null });
      expect(usage[3]).toMatchObject({
        product: "CS",
        licensed: null,
        used: null,
        usagePercent: null,
        enabledAt: "2026-11-01T00:00:00.000Z",
        lastUsedAt: "2026-12-01T00:00:00.000Z",
      });
      expect(usage[4]).toMatchObject({ product: "PAT", licensed: 50, used: null });
      // The 2026-08-01 measurement is older than 90 days.
      expect(page.productUsage.history).toEqual([
        { product: "SNS", measuredAt: "2026-10-01T00:00:00.000Z", used: 200 },
        { product: "DA", measuredAt: "2026-12-01T00:00:00.000Z", used: 50 },
        { product: "SNS", measuredAt: "2026-12-03T00:00:00.000Z", used: 240 },
      ]);
      expect(page.churnRisk).toEqual({ scanners: [], scans: [] });
      expect(page.tasks).toHaveLength(4);
      expect(page.tasks.every((t: { companyId: string }) => t.companyId === "zenith")).toBe(true);
      expect(page.tasks[0]).toMatchObject({
        severity: "high",
        type: "contract-renewal",
        highlight: ["SO-1"],
      });
    });

    it("shows an MSSP company without commercial information, with appliances and scans", async () => {
      const page = (await get("/companies/hooli")).json();
      expect(page.commercial).toBeNull();
      expect(page.company.partnershipType).toBe("mssp");
      expect(page.productUsage.products).toEqual([
        {
          product: "DA",
          productName: "Device Agent",
          licensed: null,
          used: null,
          usagePercent: null,
          measuredAt: null,
          enabledAt: "2026-10-01T00:00:00.000Z",
          lastUsedAt: "2026-11-20T10:00:00.000Z",
        },
      ]);
      expect(page.churnRisk.scanners).toEqual([
        {
          id: "sa-1",
          name: "Branch",
          status: "offline",
          lastSeenAt: "2026-12-01T00:00:00.000Z",
          inactive: true,
        },
        { id: "sa-2", name: "HQ", status: "online", lastSeenAt: "2026-12-04T08:00:00.000Z", inactive: false },
        { id: "sa-3", name: "Lab", status: "online", lastSeenAt: "2026-12-02T00:00:00.000Z", inactive: true },
      ]);
      // scan-4 started more than 30 days ago; scan-3 was superseded by scan-2; scan-5 is older than 7 days.
      expect(page.churnRisk.scans.map((s: { id: string; failed: boolean }) => [s.id, s.failed])).toEqual([
        ["scan-2", false],
        ["scan-1", true],
        ["scan-3", false],
        ["scan-5", false],
      ]);
      expect(page.churnRisk.scans[1]).toEqual({
        id: "scan-1",
        product: "SNS",
        status: "error",
        startedAt: "2026-12-02T02:00:00.000Z",
        finishedAt: null,
        target: "Weekly",
        failed: true,
      });
      expect(page.openTasks).toEqual({ high: 1, medium: 1, low: 1 });
      expect(page.tasks.map((t: { type: string }) => t.type).sort()).toEqual([
        "inactive-product",
        "inactive-scanners",
        "sns-failed-scans",
      ]);
    });

    it("shows a company without tasks with empty sections", async () => {
      const page = (await get("/companies/acmew")).json();
      expect(page.openTasks).toEqual({ high: 0, medium: 0, low: 0 });
      expect(page.highestSeverity).toBeNull();
      expect(page.tasks).toEqual([]);
      expect(page.productUsage).toEqual({ products: [], history: [] });
    });

    it("answers 404 alike for a missing company and another partner's", async () => {
      const missing = await get("/companies/no-such-company");
      const foreign = await get("/companies/beta-co");
      expect(missing.statusCode).toBe(404);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe("COMPANY_NOT_FOUND");
      expect(foreign.json().error.message).toBe('No company with id "beta-co"');
      expect(missing.json().error.code).toBe("COMPANY_NOT_FOUND");
    });

    it("answers 404 to a limited user for a company not assigned to it", async () => {
      expect((await get("/companies/zenith", limited.headers)).statusCode).toBe(404);
      expect((await get("/companies/hooli", limited.headers)).statusCode).toBe(200);
    });

    it("lets the vendor open any partner's company", async () => {
      const page = (await get("/companies/beta-co", vendor.headers)).json();
      expect(page.company.name).toBe("Beta Company");
    });

    // The id is the only input; Fastify answers an id over its 100-character limit before validation.
    it("answers 401 without credentials and 403 for an ingest token", async () => {
      expect((await portal.app.inject({ url: "/api/v1/companies/zenith" })).statusCode).toBe(401);
      const ingest = await portal.token(null, "ingest");
      expect((await get("/companies/zenith", { authorization: `Bearer ${ingest}` })).statusCode).toBe(403);
    });
  });
});
