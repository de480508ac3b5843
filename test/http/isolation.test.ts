/**
 * Tenant isolation, route by route: every operation of the API is in the catalogue below, and each
 * partner-scoped one gives another partner's ids (and, for a limited `user`, its other companies)
 * exactly the answer of ids that exist nowhere, naming nothing of theirs. A route added later
 * without an entry here fails the coverage tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import {
  answerOf,
  type Caller,
  call,
  createIsolationWorld,
  type IsolationWorld,
  leaksIn,
  MISSING,
  type Request,
  type Targets,
} from "../support/isolation-fixture.ts";

/** The caller's partner, a task it sees and a user of its partner, for probes that aim elsewhere. */
interface Own {
  readonly partner: string;
  readonly task: string;
  readonly user: string;
}

/** One request shape of a route, aimed at one kind of foreign id or name. */
interface Probe {
  readonly aim: keyof Targets;
  readonly request: (value: string, own: Own) => Request;
}

type RouteEntry =
  | { readonly scope: "partner"; readonly probes: readonly Probe[] }
  | { readonly scope: "public" | "caller" | "vendor"; readonly why: string };

const q = encodeURIComponent;
const get = (url: string): Request => ({ method: "GET", url });
const post = (url: string, payload: object): Request => ({ method: "POST", url, payload });

/** The filters GET /tasks and GET /tasks.csv share, each aimed at the other side. */
function taskFilterProbes(path: string): Probe[] {
  return [
    { aim: "company", request: (v) => get(`${path}?company=${q(v)}`) },
    { aim: "partnership", request: (v) => get(`${path}?partnership=${q(v)}`) },
    { aim: "companyName", request: (v) => get(`${path}?q=${q(v)}`) },
    { aim: "user", request: (v) => get(`${path}?assignee=${q(v)}&status=open,dismissed`) },
    // Honoured for the vendor only: a partner's caller must get its own data either way.
    { aim: "partner", request: (v) => get(`${path}?partner=${q(v)}&status=open,dismissed`) },
  ];
}

function taskAction(action: string, payload: object): RouteEntry {
  return {
    scope: "partner",
    probes: [{ aim: "task", request: (v) => post(`/tasks/${v}/${action}`, payload) }],
  };
}

const ROUTES: Readonly<Record<string, RouteEntry>> = {
  "POST /auth/sign-in": { scope: "public", why: "email and password in, the caller's own Me out" },
  "POST /auth/sign-out": { scope: "caller", why: "ends the caller's own session" },
  "GET /me": { scope: "caller", why: "the caller itself (isolation-scenarios: only its partner)" },
  "GET /tasks": { scope: "partner", probes: taskFilterProbes("/tasks") },
  "GET /tasks.csv": { scope: "partner", probes: taskFilterProbes("/tasks.csv") },
  "GET /tasks/{id}": { scope: "partner", probes: [{ aim: "task", request: (v) => get(`/tasks/${v}`) }] },
  "POST /tasks/{id}/snooze": taskAction("snooze", { until: "2026-12-20", reason: "later" }),
  "POST /tasks/{id}/dismiss": taskAction("dismiss", { reason: "not ours" }),
  "POST /tasks/{id}/comments": taskAction("comments", { text: "hello" }),
  "POST /tasks/{id}/reopen": taskAction("reopen", {}),
  "POST /tasks/{id}/assign": {
    scope: "partner",
    probes: [
      { aim: "task", request: (v) => post(`/tasks/${v}/assign`, { userId: null }) },
      { aim: "user", request: (v, own) => post(`/tasks/${own.task}/assign`, { userId: v }) },
    ],
  },
  "POST /tasks/bulk": {
    scope: "partner",
    probes: [
      {
        aim: "task",
        request: (v) => post("/tasks/bulk", { ids: [v], action: "snooze", until: "2026-12-20" }),
      },
      { aim: "task", request: (v) => post("/tasks/bulk", { ids: [v], action: "dismiss", reason: "x" }) },
      { aim: "task", request: (v) => post("/tasks/bulk", { ids: [v], action: "assign", userId: null }) },
      {
        aim: "user",
        request: (v, own) => post("/tasks/bulk", { ids: [own.task], action: "assign", userId: v }),
      },
    ],
  },
  "GET /companies": {
    scope: "partner",
    probes: [
      { aim: "companyName", request: (v) => get(`/companies?q=${q(v)}`) },
      { aim: "company", request: (v) => get(`/companies?q=${q(v)}`) },
      { aim: "partnership", request: (v) => get(`/companies?partnership=${q(v)}`) },
      { aim: "partner", request: (v) => get(`/companies?partner=${q(v)}`) },
    ],
  },
  "GET /companies/{id}": {
    scope: "partner",
    probes: [{ aim: "company", request: (v) => get(`/companies/${q(v)}`) }],
  },
  "GET /dashboard": {
    scope: "partner",
    probes: [
      { aim: "partnership", request: (v) => get(`/dashboard?partnership=${q(v)}`) },
      { aim: "partner", request: (v) => get(`/dashboard?partner=${q(v)}`) },
    ],
  },
  "GET /users": {
    scope: "partner",
    probes: [{ aim: "partner", request: (v) => get(`/users?partner=${q(v)}`) }],
  },
  "POST /users": {
    scope: "partner",
    probes: [
      {
        aim: "company",
        request: (v, own) =>
          post("/users", {
            email: "probe@probe.test",
            name: "Probe",
            role: "user",
            companyIds: [v],
            password: "probe password 1",
            partnerId: own.partner,
          }),
      },
      {
        aim: "partner",
        request: (v) =>
          post("/users", {
            email: "probe@probe.test",
            name: "Probe",
            role: "admin",
            password: "probe password 1",
            partnerId: v,
          }),
      },
    ],
  },
  "PATCH /users/{id}": {
    scope: "partner",
    probes: [
      {
        aim: "user",
        request: (v) => ({ method: "PATCH", url: `/users/${q(v)}`, payload: { name: "Renamed" } }),
      },
      {
        aim: "company",
        request: (v, own) => ({ method: "PATCH", url: `/users/${own.user}`, payload: { companyIds: [v] } }),
      },
    ],
  },
  "POST /ingest": { scope: "vendor", why: "the vendor's feed (isolation-scenarios: 403 for partners)" },
  "POST /scans": { scope: "vendor", why: "scans every partner (isolation-scenarios: 403 for partners)" },
  "GET /scans": {
    scope: "vendor",
    why: "scan runs of every partner (isolation-scenarios: 403 for partners)",
  },
};

/** Public addresses outside /api/v1: the API's description and a health check. */
const PUBLIC_OUTSIDE_API = [
  "GET /api/openapi.json",
  "GET /api/health",
  "GET /api/docs",
  "GET /api/docs/",
  "GET /api/docs/json",
  "GET /api/docs/yaml",
  "GET /api/docs/static/index.html",
  "GET /api/docs/static/swagger-initializer.js",
  "GET /api/docs/*",
];

/** `METHOD /path` of every route in Fastify's route tree (`printRoutes({ commonPrefix: false })`). */
function routesOfTree(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    stack.length = (match[1] ?? "").length / 4;
    stack.push(match[2] ?? "");
    const methods = (match[3] ?? "").split(", ").filter((m) => m && m !== "HEAD");
    for (const method of methods) routes.push(`${method} ${stack.join("").replace(/:(\w+)/g, "{$1}")}`);
  }
  return routes;
}

describe.each(testDatabaseKinds())("tenant isolation of every route on %s", (kind) => {
  let world: IsolationWorld;
  beforeAll(async () => {
    world = await createIsolationWorld(kind);
  });
  afterAll(() => world.close());

  describe("the route catalogue", () => {
    it("lists every operation of the OpenAPI document, and nothing else", async () => {
      const response = await world.portal.app.inject({ url: "/api/openapi.json" });
      const paths = response.json().paths as Record<string, Record<string, unknown>>;
      const documented = Object.entries(paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, "")}`),
      );
      expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
    });

    it("has every route of the app either documented under /api/v1 or public outside it", () => {
      const routes = routesOfTree(world.portal.app.printRoutes({ commonPrefix: false }));
      const api = routes.filter((r) => r.includes(" /api/v1/")).map((r) => r.replace(" /api/v1", " "));
      expect(api.sort()).toEqual(Object.keys(ROUTES).sort());
      expect(routes.filter((r) => !r.includes(" /api/v1/")).sort()).toEqual([...PUBLIC_OUTSIDE_API].sort());
    });

    it("answers the public addresses without credentials and with no partner's data", async () => {
      for (const route of PUBLIC_OUTSIDE_API.filter((r) => !r.includes("*"))) {
        const response = await world.portal.app.inject({ url: route.replace("GET ", "") });
        expect(response.statusCode, route).toBeLessThan(400);
        expect(leaksIn(response.body, [/alpha/i, /beta/i]), route).toEqual([]);
      }
    });
  });

  /** Who probes, what it must not find, and how it names the things it must not see. */
  function probers() {
    const { alpha, beta } = world;
    const hiddenFromUser: Targets = {
      ...beta.targets,
      task: alpha.secondCompanyTaskIds[0] ?? "",
      company: "alpha-c2",
      companyName: "alpha Company Two",
    };
    const userMarkers = [
      ...beta.markers,
      "alpha-c2",
      "Company Two",
      "alpha-SO-2",
      ...alpha.secondCompanyTaskIds,
    ];
    const alphaOwn = { partner: "alpha", task: alpha.firstCompanyTask, user: alpha.userId };
    const betaOwn = { partner: "beta", task: beta.firstCompanyTask, user: beta.userId };
    const prober = (caller: Caller, targets: Targets, markers: readonly (string | RegExp)[], own: Own) => ({
      caller,
      targets,
      markers,
      own,
    });
    return [
      prober(alpha.admin, beta.targets, beta.markers, alphaOwn),
      prober(alpha.write, beta.targets, beta.markers, alphaOwn),
      prober(alpha.read, beta.targets, beta.markers, alphaOwn),
      prober(world.alphaUser, hiddenFromUser, userMarkers, alphaOwn),
      prober(beta.admin, alpha.targets, alpha.markers, betaOwn),
      prober(beta.write, alpha.targets, alpha.markers, betaOwn),
    ];
  }

  const partnerRoutes = Object.entries(ROUTES).flatMap(([route, entry]) =>
    entry.scope === "partner" ? [{ route, probes: entry.probes }] : [],
  );

  it.each(partnerRoutes)("$route: a foreign id gets the answer of a missing one", async ({ probes }) => {
    const failures: string[] = [];
    for (const { caller, targets, markers, own } of probers()) {
      for (const probe of probes) {
        const foreignValue = targets[probe.aim];
        const missingValue = MISSING[probe.aim];
        const foreignRequest = probe.request(foreignValue, own);
        const foreign = await call(world.portal, caller, foreignRequest);
        const missing = await call(world.portal, caller, probe.request(missingValue, own));
        const where = `${caller.label}: ${foreignRequest.method} ${foreignRequest.url} ${JSON.stringify(foreignRequest.payload ?? "")}`;
        const got = answerOf(foreign, foreignValue);
        const expected = answerOf(missing, missingValue);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          failures.push(
            `${where}\n  foreign → ${foreign.statusCode} ${foreign.body.slice(0, 400)}\n  missing → ${missing.statusCode} ${missing.body.slice(0, 400)}`,
          );
        }
        const leaked = leaksIn(foreign.body, markers, foreignValue);
        if (leaked.length > 0)
          failures.push(`${where}\n  names ${leaked.join(", ")}: ${foreign.body.slice(0, 400)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // Last: it changes beta's data. Proves the probes above are not vacuous (a typo'd body answering
  // 400 to both ids would pass them): for someone who may see beta, every probe tells them apart.
  it("tells beta's ids from missing ones when the caller may see beta (the vendor's staff)", async () => {
    const own = { partner: "beta", task: world.beta.firstCompanyTask, user: world.beta.userId };
    const alike: string[] = [];
    for (const { route, probes } of partnerRoutes) {
      for (const probe of probes) {
        const foreignValue = world.beta.targets[probe.aim];
        const foreign = await call(world.portal, world.vendor, probe.request(foreignValue, own));
        const missing = await call(world.portal, world.vendor, probe.request(MISSING[probe.aim], own));
        const same =
          JSON.stringify(answerOf(foreign, foreignValue)) ===
          JSON.stringify(answerOf(missing, MISSING[probe.aim]));
        if (same) alike.push(`${route} (${probe.aim}): ${foreign.statusCode} ${foreign.body.slice(0, 200)}`);
      }
    }
    expect(alike).toEqual([]);
  });
});
