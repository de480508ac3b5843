/**
 * The task actions (snooze, dismiss, assign, comment, reopen, bulk): each answers the updated task,
 * records who acted and when, and refuses other partners' tasks, read-only callers and cross-site
 * requests. A snooze ends on its date; a dismissed task wakes when a scan sees it escalate.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/app/auth/api-tokens.ts";
import { createRateLimiter } from "../../src/app/auth/rate-limit.ts";
import { disableUser } from "../../src/app/auth/users.ts";
import { fixedClock } from "../../src/app/clock.ts";
import { createAppContext } from "../../src/app/context.ts";
import { runScan } from "../../src/app/scan.ts";
import { buildApp } from "../../src/http/app.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal, twoPartners } from "../support/http-app.ts";

const NOW = "2026-12-04T09:00:00.000Z";

/** Alpha gains a company whose licence is at 92.4 % (medium), to escalate later. */
function fixture() {
  const base = twoPartners();
  return {
    ...base,
    companies: [
      ...(base.companies ?? []),
      { id: "alpha-c3", partnershipId: "alpha-resale", name: "alpha Company Three" },
    ],
    orders: [
      ...(base.orders ?? []),
      {
        orderNumber: "alpha-SO-3",
        companyId: "alpha-c3",
        startDate: "2026-01-01",
        endDate: "2027-12-31",
        lines: [{ product: "SNS", quantity: 250 }],
      },
    ],
    usage: [
      ...(base.usage ?? []),
      { companyId: "alpha-c3", product: "SNS", used: 231, measuredAt: "2026-12-03T00:00:00Z" },
    ],
  };
}

interface HistoryEntry {
  kind: string;
  at: string;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
}

describe.each(testDatabaseKinds())("task actions on %s", (kind) => {
  let portal: TestPortal;
  let ann: Session;
  let uma: Session;
  let annId: string;
  let boId: string;
  let umaId: string;
  let ninaId: string;
  let doraId: string;
  let beaId: string;
  let readToken: string;

  const post = (url: string, payload: unknown, headers: Record<string, string> = ann.headers) =>
    portal.app.inject({ method: "POST", url: `/api/v1${url}`, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = ann.headers, app = portal.app) =>
    app.inject({ url: `/api/v1${url}`, headers });
  const taskOf = async (companyId: string, type: string) => {
    const row = await portal.ctx.db
      .selectFrom("tasks")
      .selectAll()
      .where("company_id", "=", companyId)
      .where("type", "=", type)
      .where("status", "<>", "resolved")
      .executeTakeFirstOrThrow();
    return row;
  };
  const eventsOf = (taskId: string) =>
    portal.ctx.db.selectFrom("task_events").selectAll().where("task_id", "=", taskId).execute();
  const lastEvent = (task: { history: HistoryEntry[] }) => task.history.at(-1);

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(fixture());
    annId = await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
    boId = await portal.addUser({ email: "bo@alpha.test", name: "Bo", role: "user", partnerId: "alpha" });
    umaId = await portal.addUser({
      email: "uma@alpha.test",
      name: "Uma",
      role: "user",
      partnerId: "alpha",
      companyIds: ["alpha-c1"],
    });
    ninaId = await portal.addUser({
      email: "nina@alpha.test",
      name: "Nina",
      role: "notifications",
      partnerId: "alpha",
    });
    doraId = await portal.addUser({
      email: "dora@alpha.test",
      name: "Dora",
      role: "user",
      partnerId: "alpha",
    });
    await disableUser(portal.ctx, doraId, "alpha");
    beaId = await portal.addUser({ email: "bea@beta.test", name: "Bea", role: "admin", partnerId: "beta" });
    ann = await portal.signIn("ann@alpha.test");
    uma = await portal.signIn("uma@alpha.test");
    readToken = await portal.token("alpha", "read");
  });
  afterAll(() => portal.close());

  describe("snooze", () => {
    it("snoozes until the start of a date in the portal's time zone and records who and when", async () => {
      const task = await taskOf("alpha-c2", "inactive-scanners");
      const response = await post(`/tasks/${task.id}/snooze`, { until: "2026-12-10", reason: "site visit" });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      // 00:00 in Stockholm (UTC+1 in December).
      expect(body).toMatchObject({
        id: task.id,
        status: "snoozed",
        snoozedUntil: "2026-12-09T23:00:00.000Z",
      });
      expect(lastEvent(body)).toEqual({
        id: expect.any(Number),
        kind: "snoozed",
        at: NOW,
        actor: { id: annId, name: "Ann" },
        data: { until: "2026-12-09T23:00:00.000Z", reason: "site visit" },
      });
    });

    it("hides a snoozed task from the default list and shows it under status=snoozed", async () => {
      const task = await taskOf("alpha-c2", "inactive-scanners");
      const ids = async (query: string) =>
        (await get(`/tasks${query}`)).json().items.map((t: { id: string }) => t.id);
      expect(await ids("")).not.toContain(task.id);
      expect(await ids("?status=snoozed")).toContain(task.id);
    });

    it("is open again once the clock passes the snooze date", async () => {
      const task = await taskOf("alpha-c2", "inactive-scanners");
      const later = await appAt(portal, "2026-12-09T23:00:00Z");
      try {
        const headers = { authorization: `Bearer ${readToken}` };
        const detail = (await get(`/tasks/${task.id}`, headers, later)).json();
        expect(detail.status).toBe("open");
        const list = (await get("/tasks", headers, later)).json();
        expect(list.items.map((t: { id: string }) => t.id)).toContain(task.id);
      } finally {
        await later.close();
      }
    });

    it("takes an instant with an offset as it is", async () => {
      const task = await taskOf("alpha-c1", "license-usage");
      const response = await post(`/tasks/${task.id}/snooze`, { until: "2026-12-05T12:00:00+01:00" });
      expect(response.statusCode).toBe(200);
      expect(response.json().snoozedUntil).toBe("2026-12-05T11:00:00.000Z");
      expect(lastEvent(response.json())?.data).toEqual({ until: "2026-12-05T11:00:00.000Z", reason: null });
    });

    it("refuses a past date, one more than 90 days ahead, and a malformed one (400), naming the range", async () => {
      const task = await taskOf("alpha-c1", "contract-renewal");
      for (const until of ["2026-12-04", "2026-12-01T00:00:00Z", "2027-03-05"]) {
        const response = await post(`/tasks/${task.id}/snooze`, { until });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe("INVALID_ARGUMENT");
        expect(response.json().error.message).toContain("no later than 2027-03-04 (90 days ahead");
      }
      for (const until of ["tomorrow", "2026-02-30", "2026-12-10T10:00:00"]) {
        expect((await post(`/tasks/${task.id}/snooze`, { until })).statusCode).toBe(400);
      }
      expect((await post(`/tasks/${task.id}/snooze`, { until: "2027-03-04" })).statusCode).toBe(200);
      await post(`/tasks/${task.id}/reopen`, {});
    });
  });

  describe("dismiss", () => {
    it("dismisses with a reason (400 without one)", async () => {
      const task = await taskOf("alpha-c3", "license-usage");
      expect((await post(`/tasks/${task.id}/dismiss`, {})).statusCode).toBe(400);
      expect((await post(`/tasks/${task.id}/dismiss`, { reason: "  " })).statusCode).toBe(400);
      const response = await post(`/tasks/${task.id}/dismiss`, { reason: "upgrade already ordered" });
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe("dismissed");
      expect(lastEvent(response.json())).toMatchObject({
        kind: "dismissed",
        at: NOW,
        actor: { id: annId, name: "Ann" },
        data: { reason: "upgrade already ordered" },
      });
      const listed = (await get("/tasks?status=dismissed")).json().items.map((t: { id: string }) => t.id);
      expect(listed).toContain(task.id);
    });

    it("wakes when a scan sees its severity escalate", async () => {
      const task = await taskOf("alpha-c3", "license-usage");
      expect(task.status).toBe("dismissed");
      await portal.load({
        usage: [{ companyId: "alpha-c3", product: "SNS", used: 260, measuredAt: "2026-12-04T08:00:00Z" }],
      });
      const detail = (await get(`/tasks/${task.id}`)).json();
      expect(detail).toMatchObject({ status: "open", severity: "high" });
      const kinds = detail.history.map((e: HistoryEntry) => e.kind);
      expect(kinds).toEqual(["opened", "dismissed", "escalated", "woke"]);
      expect(detail.history.slice(-2)).toMatchObject([
        { kind: "escalated", actor: null, data: { from: "medium", to: "high" } },
        { kind: "woke", actor: null, data: { from: "dismissed", reason: "escalated" } },
      ]);
    });
  });

  describe("assign", () => {
    it("assigns to a user of the partner, and unassigns with null", async () => {
      const task = await taskOf("alpha-c2", "contract-renewal");
      const response = await post(`/tasks/${task.id}/assign`, { userId: boId });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ assigneeId: boId, assignee: { id: boId, name: "Bo" } });
      expect(lastEvent(response.json())).toMatchObject({
        kind: "assigned",
        at: NOW,
        actor: { id: annId, name: "Ann" },
        data: { userId: boId, userName: "Bo" },
      });
      const mine = (await get("/tasks?assignee=me", (await portal.signIn("bo@alpha.test")).headers)).json();
      expect(mine.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
      const cleared = await post(`/tasks/${task.id}/assign`, { userId: null });
      expect(cleared.json()).toMatchObject({ assigneeId: null, assignee: null });
      expect(lastEvent(cleared.json())?.data).toEqual({ userId: null, userName: null });
    });

    it("refuses (400) whoever cannot work on the task, saying why", async () => {
      const task = await taskOf("alpha-c2", "contract-renewal");
      const refusal = async (userId: unknown) => {
        const response = await post(`/tasks/${task.id}/assign`, { userId });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe("INVALID_ARGUMENT");
        return response.json().error.message as string;
      };
      expect(await refusal(ninaId)).toContain('Nina has the role "notifications"');
      expect(await refusal(doraId)).toContain("Dora is disabled");
      expect(await refusal(umaId)).toContain(
        "Uma is limited to other companies and cannot see alpha Company Two",
      );
      expect(await refusal(beaId)).toContain(`No user with id "${beaId}"`);
      expect(await refusal("nobody")).toContain('No user with id "nobody"');
      expect((await post(`/tasks/${task.id}/assign`, {})).statusCode).toBe(400);
      expect((await eventsOf(task.id)).filter((e) => e.kind === "assigned")).toHaveLength(2);
    });

    it("assigns a limited user a task of a company it sees", async () => {
      const task = await taskOf("alpha-c1", "contract-renewal");
      const response = await post(`/tasks/${task.id}/assign`, { userId: umaId });
      expect(response.statusCode).toBe(200);
      expect(response.json().assignee).toEqual({ id: umaId, name: "Uma" });
    });
  });

  describe("comments and reopening", () => {
    it("adds a comment to the history (400 when empty)", async () => {
      const task = await taskOf("alpha-c1", "contract-renewal");
      expect((await post(`/tasks/${task.id}/comments`, { text: "" })).statusCode).toBe(400);
      const response = await post(`/tasks/${task.id}/comments`, { text: "Called them, renewal in progress" });
      expect(response.statusCode).toBe(200);
      expect(lastEvent(response.json())).toMatchObject({
        kind: "commented",
        at: NOW,
        actor: { id: annId, name: "Ann" },
        data: { text: "Called them, renewal in progress" },
      });
    });

    it("reopens a snoozed task; an open one is a conflict (409)", async () => {
      const task = await taskOf("alpha-c1", "contract-renewal");
      await post(`/tasks/${task.id}/snooze`, { until: "2026-12-20" });
      const response = await post(`/tasks/${task.id}/reopen`, {});
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: "open", snoozedUntil: null });
      expect(lastEvent(response.json())).toMatchObject({
        kind: "reopened",
        actor: { id: annId, name: "Ann" },
        data: { from: "snoozed" },
      });
      const again = await post(`/tasks/${task.id}/reopen`, {});
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("CONFLICT");
    });

    it("lets a limited user act on its company's task; another company's is not found (404)", async () => {
      const own = await taskOf("alpha-c1", "contract-renewal");
      expect((await post(`/tasks/${own.id}/comments`, { text: "mine" }, uma.headers)).statusCode).toBe(200);
      const other = await taskOf("alpha-c2", "contract-renewal");
      const response = await post(`/tasks/${other.id}/comments`, { text: "not mine" }, uma.headers);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("TASK_NOT_FOUND");
    });
  });

  describe("a resolved task", () => {
    it("cannot be snoozed, dismissed, assigned or reopened (409), but takes comments", async () => {
      const task = await taskOf("alpha-c1", "license-usage");
      await portal.load({
        usage: [{ companyId: "alpha-c1", product: "SNS", used: 10, measuredAt: "2026-12-04T08:30:00Z" }],
      });
      const attempts: [string, unknown][] = [
        ["snooze", { until: "2026-12-20" }],
        ["dismiss", { reason: "no" }],
        ["assign", { userId: boId }],
        ["reopen", {}],
      ];
      for (const [action, body] of attempts) {
        const response = await post(`/tasks/${task.id}/${action}`, body);
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe("CONFLICT");
      }
      const comment = await post(`/tasks/${task.id}/comments`, { text: "cleared after the clean-up" });
      expect(comment.statusCode).toBe(200);
      expect(comment.json().status).toBe("resolved");
    });
  });

  describe("who may act", () => {
    it("records a write token's action with no person and the token it came through", async () => {
      const { token, view } = await createToken(portal.ctx, { partnerId: "alpha", scope: "write" });
      const task = await taskOf("alpha-c1", "contract-renewal");
      const response = await post(
        `/tasks/${task.id}/comments`,
        { text: "from the PSA" },
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(response.statusCode).toBe(200);
      expect(lastEvent(response.json())).toMatchObject({
        kind: "commented",
        actor: null,
        data: { text: "from the PSA", via: `token:${view.id}` },
      });
    });

    it("refuses a read token (403), anonymous callers (401) and a cookie without the CSRF header (403)", async () => {
      const task = await taskOf("alpha-c1", "contract-renewal");
      const before = (await eventsOf(task.id)).length;
      for (const action of ["snooze", "dismiss", "assign", "comments", "reopen"]) {
        const url = `/tasks/${task.id}/${action}`;
        const body = { until: "2026-12-20", reason: "r", userId: null, text: "t" };
        const read = await post(url, body, { authorization: `Bearer ${readToken}` });
        expect(read.statusCode).toBe(403);
        expect((await post(url, body, {})).statusCode).toBe(401);
        const noCsrf = await post(url, body, { cookie: ann.cookie });
        expect(noCsrf.statusCode).toBe(403);
        expect(noCsrf.json().error.message).toContain("x-csrf-token");
      }
      expect((await eventsOf(task.id)).length).toBe(before);
    });

    it("answers 404 for another partner's task on every action and leaves it untouched", async () => {
      const foreign = await taskOf("beta-c1", "contract-renewal");
      const before = await eventsOf(foreign.id);
      const bodies: Record<string, unknown> = {
        snooze: { until: "2026-12-20" },
        dismiss: { reason: "r" },
        assign: { userId: annId },
        comments: { text: "t" },
        reopen: {},
      };
      for (const [action, body] of Object.entries(bodies)) {
        const response = await post(`/tasks/${foreign.id}/${action}`, body);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe("TASK_NOT_FOUND");
      }
      expect(await taskOf("beta-c1", "contract-renewal")).toEqual(foreign);
      expect(await eventsOf(foreign.id)).toEqual(before);
    });
  });

  describe("bulk", () => {
    it("acts on the visible tasks in one go, lists the others as not found and leaves them untouched", async () => {
      const mine = [
        await taskOf("alpha-c1", "contract-renewal"),
        await taskOf("alpha-c2", "contract-renewal"),
      ];
      const foreign = await taskOf("beta-c1", "contract-renewal");
      const foreignEvents = await eventsOf(foreign.id);
      const response = await post("/tasks/bulk", {
        ids: [...mine.map((t) => t.id), foreign.id, "no-such-task"],
        action: "dismiss",
        reason: "handled by the account manager",
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ updated: 2, notFound: [foreign.id, "no-such-task"] });
      for (const task of mine) {
        const detail = (await get(`/tasks/${task.id}`)).json();
        expect(detail.status).toBe("dismissed");
        expect(lastEvent(detail)).toMatchObject({ kind: "dismissed", actor: { id: annId } });
      }
      expect(await taskOf("beta-c1", "contract-renewal")).toEqual(foreign);
      expect(await eventsOf(foreign.id)).toEqual(foreignEvents);
    });

    it("snoozes and assigns many; skips resolved tasks", async () => {
      const resolved = await portal.ctx.db
        .selectFrom("tasks")
        .select("id")
        .where("company_id", "=", "alpha-c1")
        .where("status", "=", "resolved")
        .executeTakeFirstOrThrow();
      const live = [
        await taskOf("alpha-c1", "contract-renewal"),
        await taskOf("alpha-c2", "contract-renewal"),
      ];
      const ids = [...live.map((t) => t.id), resolved.id];
      const snoozed = await post("/tasks/bulk", { ids, action: "snooze", until: "2026-12-24" });
      expect(snoozed.json()).toEqual({ updated: 2, notFound: [] });
      const assigned = await post("/tasks/bulk", { ids, action: "assign", userId: boId });
      expect(assigned.json()).toEqual({ updated: 2, notFound: [] });
      const list = (await get(`/tasks?status=snoozed&assignee=${boId}`)).json();
      expect(list.items.map((t: { id: string }) => t.id).sort()).toEqual(live.map((t) => t.id).sort());
    });

    it("rolls back everything when one assignment is refused (400)", async () => {
      const ids = [
        (await taskOf("alpha-c1", "contract-renewal")).id,
        (await taskOf("alpha-c2", "contract-renewal")).id,
      ];
      const before = await Promise.all(ids.map(eventsOf));
      const response = await post("/tasks/bulk", { ids, action: "assign", userId: umaId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain("cannot see alpha Company Two");
      expect(await Promise.all(ids.map(eventsOf))).toEqual(before);
    });

    it("validates the body (400) and refuses read tokens (403) and anonymous callers (401)", async () => {
      const id = (await taskOf("alpha-c1", "contract-renewal")).id;
      for (const body of [
        { ids: [id], action: "snooze" },
        { ids: [id], action: "dismiss" },
        { ids: [id], action: "assign" },
        { ids: [], action: "dismiss", reason: "r" },
        { ids: [id], action: "reopen" },
        { ids: Array.from({ length: 501 }, (_, i) => `t${i}`), action: "dismiss", reason: "r" },
      ]) {
        expect((await post("/tasks/bulk", body)).statusCode).toBe(400);
      }
      const body = { ids: [id], action: "dismiss", reason: "r" };
      expect((await post("/tasks/bulk", body, { authorization: `Bearer ${readToken}` })).statusCode).toBe(
        403,
      );
      expect((await post("/tasks/bulk", body, {})).statusCode).toBe(401);
      expect((await post("/tasks/bulk", body, { cookie: ann.cookie })).statusCode).toBe(403);
    });
  });
});

/** The same database seen through an app whose clock says `at` (the portal's clock never moves). */
async function appAt(portal: TestPortal, at: string): Promise<FastifyInstance> {
  const ctx = createAppContext(portal.database.db, { clock: fixedClock(new Date(at)) });
  return buildApp({
    ctx,
    sessions: {
      ttlHours: 12,
      addressLimiter: createRateLimiter(20, 15 * 60_000),
      accountLimiter: createRateLimiter(5, 15 * 60_000),
    },
    secure: false,
    bodyLimit: 1_000_000,
    rescan: (companyIds) => runScan(ctx, { companyIds }),
  });
}
