/**
 * Tenant isolation, view by view: what a partner's people and tokens see of their own partner
 * (exactly what the vendor sees of it), that exports, counts, search and the dashboard find nothing
 * of the other partner, that actions on its tasks change nothing, that a limited `user` sees only its
 * company, and that the vendor's routes are the vendor's. isolation.test.ts covers every route.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import {
  type Caller,
  call,
  createIsolationWorld,
  type IsolationWorld,
  leaksIn,
  partnerSnapshot,
  type Request,
} from "../support/isolation-fixture.ts";

const ALL_STATUSES = "status=open,snoozed,dismissed,resolved&limit=200";
const CSV_HEADER = "id,severity,status,type,category,company,title,opened,assignee,details";
const NO_COMPANIES = { items: [], nextCursor: null, total: 0 };
const NO_COUNTS = {
  severity: { high: 0, medium: 0, low: 0 },
  category: { commercial: 0, "product-usage": 0, "churn-risk": 0 },
};

describe.each(testDatabaseKinds())("tenant isolation of what each caller sees on %s", (kind) => {
  let world: IsolationWorld;
  beforeAll(async () => {
    world = await createIsolationWorld(kind);
  });
  afterAll(() => world.close());

  const send = (caller: Caller, request: Request) => call(world.portal, caller, request);
  const get = (caller: Caller, url: string) => send(caller, { method: "GET", url });
  const post = (caller: Caller, url: string, payload: object) =>
    send(caller, { method: "POST", url, payload });
  const json = async (caller: Caller, url: string) => {
    const response = await get(caller, url);
    expect(response.statusCode, `${caller.label} GET ${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const csvRows = (body: string) => body.split("\r\n").filter(Boolean);

  it("shows a partner's callers exactly what the vendor sees of that partner, and nothing else", async () => {
    for (const side of [world.alpha, world.beta]) {
      for (const url of [
        `/tasks?${ALL_STATUSES}`,
        "/companies?limit=200",
        "/dashboard?",
        `/tasks.csv?${ALL_STATUSES}`,
      ]) {
        const asVendor = await get(world.vendor, `${url}&partner=${side.partner}`);
        for (const caller of [side.admin, side.read, side.write]) {
          const mine = await get(caller, url);
          expect(mine.statusCode).toBe(200);
          expect(mine.body, `${caller.label} GET ${url}`).toBe(asVendor.body);
        }
      }
      const other = side === world.alpha ? world.beta : world.alpha;
      const tasks = await json(side.admin, `/tasks?${ALL_STATUSES}`);
      expect(tasks.items.map((t: { id: string }) => t.id).sort()).toEqual([...side.taskIds].sort());
      expect(leaksIn(JSON.stringify(tasks), other.markers)).toEqual([]);
    }
  });

  it("names only the caller's partner and partnerships in /me", async () => {
    for (const caller of [world.alpha.admin, world.alpha.read, world.alphaUser]) {
      const me = await json(caller, "/me");
      expect(me).toMatchObject({
        partnerId: "alpha",
        partnerName: "alpha AB",
        partnerships: [{ id: "alpha-resale", name: "alpha Resale", type: "reseller" }],
      });
      expect(leaksIn(JSON.stringify(me), world.beta.markers)).toEqual([]);
    }
    expect((await json(world.alphaUser, "/me")).companyIds).toEqual(["alpha-c1"]);
  });

  it("exports only the header for beta's company, partnership or name", async () => {
    for (const caller of [world.alpha.admin, world.alpha.read, world.alphaUser]) {
      for (const filter of ["company=beta-c1,beta-c2", "partnership=beta-resale", "q=beta%20Company%20One"]) {
        const response = await get(caller, `/tasks.csv?${filter}&${ALL_STATUSES}`);
        expect(response.statusCode).toBe(200);
        expect(csvRows(response.body), `${caller.label} ${filter}`).toEqual([CSV_HEADER]);
      }
    }
  });

  it("counts nothing and lists nothing for beta's partnership or companies", async () => {
    for (const caller of [world.alpha.admin, world.alpha.read, world.alphaUser]) {
      for (const filter of ["partnership=beta-resale", "company=beta-c1,beta-c2"]) {
        const body = await json(caller, `/tasks?${filter}&${ALL_STATUSES}`);
        expect(body, `${caller.label} ${filter}`).toEqual({ items: [], nextCursor: null, counts: NO_COUNTS });
      }
      expect(await json(caller, "/companies?partnership=beta-resale")).toEqual(NO_COMPANIES);
    }
  });

  it("finds nothing of beta's by searching its company names or ids", async () => {
    for (const caller of [world.alpha.admin, world.alpha.read, world.alphaUser]) {
      for (const words of ["beta Company One", "beta", "beta-c2", "beta-SO-1"]) {
        const tasks = await json(caller, `/tasks?q=${encodeURIComponent(words)}&${ALL_STATUSES}`);
        expect(tasks.items, `${caller.label} /tasks q=${words}`).toEqual([]);
        expect(tasks.counts).toEqual(NO_COUNTS);
        const companies = await json(caller, `/companies?q=${encodeURIComponent(words)}`);
        expect(companies, `${caller.label} /companies q=${words}`).toEqual(NO_COMPANIES);
      }
    }
  });

  it("gives zeros on the dashboard for beta's partnership", async () => {
    for (const caller of [world.alpha.admin, world.alpha.read, world.alphaUser]) {
      const dashboard = await json(caller, "/dashboard?partnership=beta-resale");
      expect(dashboard).toMatchObject({
        customers: 0,
        activeSubscriptions: 0,
        acv: [],
        acvRenewingIn3Months: [],
        openTasks: { total: 0, ...NO_COUNTS },
      });
      expect(dashboard.openTasksPerDay).toHaveLength(90);
      for (const day of dashboard.openTasksPerDay) expect(day).toMatchObject({ high: 0, medium: 0, low: 0 });
    }
  });

  it("answers 404 to every action on beta's tasks and changes nothing of beta's", async () => {
    const before = await partnerSnapshot(world.portal.ctx.db, "beta");
    const actions: [string, object][] = [
      ["snooze", { until: "2026-12-20" }],
      ["dismiss", { reason: "not ours" }],
      ["assign", { userId: world.alpha.adminId }],
      ["assign", { userId: null }],
      ["comments", { text: "peeking" }],
      ["reopen", {}],
    ];
    const ids = world.beta.taskIds;
    for (const caller of [world.alpha.admin, world.alpha.write, world.alphaUser]) {
      for (const id of ids) {
        for (const [action, payload] of actions) {
          const response = await post(caller, `/tasks/${id}/${action}`, payload);
          expect(response.statusCode, `${caller.label} ${action} ${id}: ${response.body}`).toBe(404);
          expect(response.json().error).toEqual({
            code: "TASK_NOT_FOUND",
            message: `No task with id "${id}"`,
          });
        }
      }
      for (const payload of [
        { action: "snooze", until: "2026-12-20" },
        { action: "dismiss", reason: "not ours" },
        { action: "assign", userId: null },
      ]) {
        const response = await post(caller, "/tasks/bulk", { ...payload, ids });
        expect(response.json(), `${caller.label} bulk ${payload.action}`).toEqual({
          updated: 0,
          notFound: ids,
        });
      }
    }
    // Mixed with one of alpha's own tasks, only that one changes.
    const mixed = await post(world.alpha.admin, "/tasks/bulk", {
      action: "assign",
      userId: world.alpha.adminId,
      ids: [world.alpha.firstCompanyTask, ...ids],
    });
    expect(mixed.json()).toEqual({ updated: 1, notFound: ids });
    expect(await partnerSnapshot(world.portal.ctx.db, "beta")).toEqual(before);
  });

  it("lets alpha's admin list and change only alpha's users", async () => {
    const users = await json(world.alpha.admin, "/users?partner=beta");
    expect(users.items.map((u: { email: string }) => u.email)).toEqual(["ann@alpha.test", "uma@alpha.test"]);
    const before = await partnerSnapshot(world.portal.ctx.db, "beta");
    for (const payload of [{ disabled: true }, { role: "user" }, { name: "Mallory" }]) {
      const response = await send(world.alpha.admin, {
        method: "PATCH",
        url: `/users/${world.beta.adminId}`,
        payload,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({
        code: "NOT_FOUND",
        message: `No user with id "${world.beta.adminId}"`,
      });
    }
    expect(await partnerSnapshot(world.portal.ctx.db, "beta")).toEqual(before);
    expect((await json(world.beta.admin, "/me")).name).toBe("Bob Beta");
  });

  it("refuses another partner's email as taken, naming nothing of that partner", async () => {
    // Emails are unique across partners (sign-in is by email alone), so a taken one must be refused.
    const email = "bob@beta.test";
    const response = await post(world.alpha.admin, "/users", {
      email,
      name: "Bob Again",
      role: "admin",
      password: "another password",
    });
    expect(response.statusCode).toBe(409);
    expect(leaksIn(response.body, world.beta.markers, email)).toEqual([]);
  });

  it("shows a limited user its assigned company only, everywhere", async () => {
    const user = world.alphaUser;
    const admin = world.alpha.admin;
    const own = await json(admin, `/tasks?company=alpha-c1&${ALL_STATUSES}`);
    const seen = await json(user, `/tasks?${ALL_STATUSES}`);
    expect(seen).toEqual(own);
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((t: { companyId: string }) => t.companyId === "alpha-c1")).toBe(true);
    const csv = csvRows((await get(user, `/tasks.csv?${ALL_STATUSES}`)).body);
    expect(csv).toEqual(csvRows((await get(admin, `/tasks.csv?company=alpha-c1&${ALL_STATUSES}`)).body));
    const companies = await json(user, "/companies");
    expect(companies.items.map((c: { id: string }) => c.id)).toEqual(["alpha-c1"]);
    expect(companies.total).toBe(1);
    expect((await get(user, "/companies/alpha-c1")).statusCode).toBe(200);
    const hidden = await get(user, "/companies/alpha-c2");
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toEqual({
      code: "COMPANY_NOT_FOUND",
      message: 'No company with id "alpha-c2"',
    });
    for (const id of world.alpha.secondCompanyTaskIds) {
      expect((await get(user, `/tasks/${id}`)).statusCode).toBe(404);
      const action = await post(user, `/tasks/${id}/comments`, { text: "hi" });
      expect(action.statusCode).toBe(404);
    }
    const bulk = await post(user, "/tasks/bulk", {
      action: "dismiss",
      reason: "x",
      ids: world.alpha.secondCompanyTaskIds,
    });
    expect(bulk.json()).toEqual({ updated: 0, notFound: world.alpha.secondCompanyTaskIds });

    const dashboard = await json(user, "/dashboard");
    const whole = await json(admin, "/dashboard");
    const open = await json(admin, "/tasks?company=alpha-c1");
    expect(whole.customers).toBe(2);
    expect(dashboard).toMatchObject({
      customers: 1,
      activeSubscriptions: 1,
      acv: [{ currency: "EUR", amount: 1000 }],
      openTasks: { severity: open.counts.severity, category: open.counts.category },
    });
    expect(dashboard.openTasksPerDay.at(-1)).toMatchObject(open.counts.severity);
    expect(whole.activeSubscriptions).toBe(2);
  });

  it("lets a read token read its own partner but not act, and a write token act on its own only", async () => {
    const task = world.alpha.firstCompanyTask;
    const read = world.alpha.read;
    for (const request of [
      { method: "POST", url: `/tasks/${task}/comments`, payload: { text: "hi" } },
      { method: "POST", url: "/tasks/bulk", payload: { action: "dismiss", reason: "x", ids: [task] } },
      {
        method: "POST",
        url: `/tasks/${world.beta.firstCompanyTask}/snooze`,
        payload: { until: "2026-12-20" },
      },
      { method: "GET", url: "/users" },
    ] as const) {
      const response = await send(read, request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
    }
    expect((await get(read, `/tasks/${world.beta.firstCompanyTask}`)).statusCode).toBe(404);
    expect((await get(read, `/tasks/${task}`)).statusCode).toBe(200);
    const write = world.alpha.write;
    const comment = {
      method: "POST",
      url: `/tasks/${task}/comments`,
      payload: { text: "via token" },
    } as const;
    expect((await send(write, comment)).statusCode).toBe(200);
    expect((await get(write, "/users")).statusCode).toBe(403);
  });

  it("answers 403 on the vendor's routes to every partner caller", async () => {
    const partnerCallers = [
      world.alpha.admin,
      world.alphaUser,
      world.alpha.read,
      world.alpha.write,
      world.beta.admin,
      world.beta.write,
    ];
    for (const caller of partnerCallers) {
      for (const request of [
        { method: "GET", url: "/scans" },
        { method: "POST", url: "/scans", payload: {} },
        { method: "POST", url: "/ingest", payload: {} },
      ] as const) {
        const response = await send(caller, request);
        expect(response.statusCode, `${caller.label} ${request.method} ${request.url}`).toBe(403);
        expect(response.json().error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("shows the vendor's staff both partners", async () => {
    const vendor = world.vendor;
    const tasks = await json(vendor, `/tasks?${ALL_STATUSES}`);
    expect(tasks.items.map((t: { id: string }) => t.id).sort()).toEqual(
      [...world.alpha.taskIds, ...world.beta.taskIds].sort(),
    );
    expect((await json(vendor, "/companies")).total).toBe(4);
    expect((await json(vendor, "/dashboard")).customers).toBe(4);
    const emails = (await json(vendor, "/users")).items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining(["ann@alpha.test", "bob@beta.test"]));
    for (const id of [world.alpha.firstCompanyTask, world.beta.firstCompanyTask]) {
      expect((await get(vendor, `/tasks/${id}`)).statusCode).toBe(200);
    }
    expect((await get(vendor, "/scans")).statusCode).toBe(200);
    const ingest = await post(world.ingest, "/ingest", {});
    expect(ingest.statusCode, ingest.body).toBe(200);
  });
});
