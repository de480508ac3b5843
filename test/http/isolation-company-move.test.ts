/**
 * Tenant isolation when the vendor's feed moves a company from one partner to another (its
 * partnershipId names a partnership of another partner; the schema cascades partner_id to the
 * company's rows). The company becomes the new partner's with fresh tasks (the ingestion's rescan
 * opens them); the old partner's tasks, history and assignments are its own work and are deleted,
 * so nothing of the old partner — its partnership, its people, their notes — may come with them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import {
  type Caller,
  call,
  createIsolationWorld,
  type IsolationWorld,
  leaksIn,
} from "../support/isolation-fixture.ts";

const ALL_STATUSES = "status=open,snoozed,dismissed,resolved&limit=200";

describe.each(testDatabaseKinds())("a company moved from beta to alpha on %s", (kind) => {
  let world: IsolationWorld;
  /** beta-c1's tasks while it was beta's; one is assigned to beta's user and has beta's comment. */
  let betaTasks: string[];
  /** beta-c1's tasks after the move, opened for alpha by the ingestion's rescan. */
  let alphaTasks: string[];
  /** What only beta has: its partnership, its partner, its people and their notes. */
  let betaOnly: string[];

  beforeAll(async () => {
    world = await createIsolationWorld(kind);
    const tasks = await world.portal.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("company_id", "=", "beta-c1")
      .execute();
    betaTasks = tasks.map((t) => t.id);
    const move = { companies: [{ id: "beta-c1", partnershipId: "alpha-resale", name: "beta Company One" }] };
    const response = await call(world.portal, world.ingest, {
      method: "POST",
      url: "/ingest",
      payload: move,
    });
    if (response.statusCode !== 200) throw new Error(`ingest: ${response.statusCode} ${response.body}`);
    const after = await world.portal.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("company_id", "=", "beta-c1")
      .execute();
    alphaTasks = after.map((t) => t.id);
    betaOnly = [
      "beta-resale",
      "beta Resale",
      "beta AB",
      "Bob Beta",
      "Bea Beta",
      "Beta called the customer",
      world.beta.adminId,
      world.beta.userId,
    ];
  });
  afterAll(() => world.close());

  const get = async (caller: Caller, url: string) => {
    const response = await call(world.portal, caller, { method: "GET", url });
    expect(response.statusCode, `${caller.label} GET ${url}: ${response.body}`).toBe(200);
    return response;
  };

  it("is alpha's now: alpha sees the company and fresh tasks, beta sees neither", async () => {
    expect(alphaTasks.length).toBeGreaterThan(0);
    expect(alphaTasks.filter((id) => betaTasks.includes(id))).toEqual([]);
    const alpha = (await get(world.alpha.admin, `/tasks?company=beta-c1&${ALL_STATUSES}`)).json();
    expect(alpha.items.map((t: { id: string }) => t.id).sort()).toEqual([...alphaTasks].sort());
    expect((await get(world.alpha.admin, "/companies/beta-c1")).json().company.partnershipId).toBe(
      "alpha-resale",
    );
    const beta = (await get(world.beta.admin, `/tasks?company=beta-c1&${ALL_STATUSES}`)).json();
    expect(beta.items).toEqual([]);
    const page = await call(world.portal, world.beta.admin, { method: "GET", url: "/companies/beta-c1" });
    expect(page.statusCode).toBe(404);
    for (const id of [...betaTasks, ...alphaTasks]) {
      const detail = await call(world.portal, world.beta.admin, { method: "GET", url: `/tasks/${id}` });
      expect(detail.statusCode).toBe(404);
    }
  });

  it("files the company's tasks under alpha's partnership, not beta's", async () => {
    const list = (await get(world.alpha.admin, `/tasks?company=beta-c1&${ALL_STATUSES}`)).json();
    expect(list.items.map((t: { partnershipId: string }) => t.partnershipId)).toEqual(
      alphaTasks.map(() => "alpha-resale"),
    );
    const filtered = (await get(world.alpha.admin, `/tasks?partnership=alpha-resale&${ALL_STATUSES}`)).json();
    expect(filtered.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(alphaTasks));
  });

  it("names none of beta's partnership, people or notes in anything alpha sees of it", async () => {
    const urls = [
      `/tasks?company=beta-c1&${ALL_STATUSES}`,
      `/tasks.csv?company=beta-c1&${ALL_STATUSES}`,
      "/companies/beta-c1",
      "/companies",
      "/dashboard",
      ...alphaTasks.map((id) => `/tasks/${id}`),
    ];
    const leaks: string[] = [];
    for (const caller of [world.alpha.admin, world.alpha.read]) {
      for (const url of urls) {
        const found = leaksIn((await get(caller, url)).body, betaOnly);
        if (found.length > 0) leaks.push(`${caller.label} GET ${url} names ${found.join(", ")}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
