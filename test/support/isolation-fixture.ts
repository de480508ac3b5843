/**
 * The tenant-isolation suites' world: two partners (twoPartners()) with people and tokens on each
 * side, a history on each side that would show up in a leak, and the helpers that compare a
 * foreign id's answer with a missing id's and look for the other side's names in any answer.
 */
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type Kysely, sql } from "kysely";
import type { DatabaseKind } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/schema.ts";
import { createTestPortal, type TestPortal, twoPartners } from "./http-app.ts";

/** Someone calling the API: a signed-in person (cookie and CSRF token) or a bearer token. */
export interface Caller {
  readonly label: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Request {
  readonly method: "GET" | "POST" | "PATCH";
  /** Under /api/v1. */
  readonly url: string;
  readonly payload?: object;
}

/** What a probe can aim at: ids and names of one side's data. */
export interface Targets {
  readonly task: string;
  readonly company: string;
  readonly companyName: string;
  readonly partnership: string;
  readonly partner: string;
  readonly user: string;
}

export interface Side {
  readonly partner: "alpha" | "beta";
  readonly admin: Caller;
  readonly read: Caller;
  readonly write: Caller;
  readonly adminId: string;
  /** A `user` of the side limited to its first company (…-c1). */
  readonly userId: string;
  /** Every task id of the side, and those of its second company. */
  readonly taskIds: readonly string[];
  readonly secondCompanyTaskIds: readonly string[];
  /** An open task of the first company, which the limited user sees. */
  readonly firstCompanyTask: string;
  /** How another caller names this side's things. */
  readonly targets: Targets;
  /** Strings none of the other side's answers may contain. */
  readonly markers: readonly (string | RegExp)[];
}

export interface IsolationWorld {
  readonly portal: TestPortal;
  readonly alpha: Side;
  readonly beta: Side;
  /** alpha's `user` limited to alpha-c1. */
  readonly alphaUser: Caller;
  readonly vendor: Caller;
  readonly ingest: Caller;
  close(): Promise<void>;
}

/** Ids and names that exist nowhere: the answer every foreign id must get. */
export const MISSING: Targets = {
  task: "00000000-0000-4000-8000-000000000000",
  company: "no-such-company",
  companyName: "No Such Company Name",
  partnership: "no-such-partnership",
  partner: "no-such-partner",
  user: "00000000-0000-4000-8000-000000000001",
};

export async function createIsolationWorld(kind: DatabaseKind): Promise<IsolationWorld> {
  const portal = await createTestPortal(kind);
  try {
    await portal.load(twoPartners());
    const person = (partner: string, first: string, role: "admin" | "user", companyIds?: string[]) =>
      portal.addUser({
        email: `${first.toLowerCase()}@${partner}.test`,
        name: `${first} ${partner === "alpha" ? "Alpha" : "Beta"}`,
        role,
        partnerId: partner,
        ...(companyIds ? { companyIds } : {}),
      });
    const ids = {
      alphaAdmin: await person("alpha", "Ann", "admin"),
      alphaUser: await person("alpha", "Uma", "user", ["alpha-c1"]),
      betaAdmin: await person("beta", "Bob", "admin"),
      betaUser: await person("beta", "Bea", "user", ["beta-c1"]),
    };
    await portal.addUser({ email: "vera@vendor.test", name: "Vera Vendor", role: "vendor", partnerId: null });
    const session = async (label: string, email: string): Promise<Caller> => ({
      label,
      headers: (await portal.signIn(email)).headers,
    });
    const token = async (label: string, partnerId: string | null, scope: "read" | "write" | "ingest") => ({
      label,
      headers: { authorization: `Bearer ${await portal.token(partnerId, scope)}` },
    });
    const callers = {
      alphaAdmin: await session("alpha's admin", "ann@alpha.test"),
      alphaUser: await session("alpha's limited user", "uma@alpha.test"),
      betaAdmin: await session("beta's admin", "bob@beta.test"),
      vendor: await session("vendor staff", "vera@vendor.test"),
      alphaRead: await token("alpha's read token", "alpha", "read"),
      alphaWrite: await token("alpha's write token", "alpha", "write"),
      betaRead: await token("beta's read token", "beta", "read"),
      betaWrite: await token("beta's write token", "beta", "write"),
      ingest: await token("the ingest token", null, "ingest"),
    };
    const tasks = await portal.ctx.db
      .selectFrom("tasks")
      .select(["id", "partner_id", "company_id", "type"])
      .orderBy("id")
      .execute();
    const side = (partner: "alpha" | "beta", userId: string, adminId: string): Omit<Side, "markers"> => {
      const own = tasks.filter((t) => t.partner_id === partner);
      const first = own.find((t) => t.company_id === `${partner}-c1` && t.type === "contract-renewal");
      if (!first) throw new Error(`twoPartners() gave ${partner}-c1 no renewal task`);
      return {
        partner,
        admin: partner === "alpha" ? callers.alphaAdmin : callers.betaAdmin,
        read: partner === "alpha" ? callers.alphaRead : callers.betaRead,
        write: partner === "alpha" ? callers.alphaWrite : callers.betaWrite,
        adminId,
        userId,
        taskIds: own.map((t) => t.id),
        secondCompanyTaskIds: own.filter((t) => t.company_id === `${partner}-c2`).map((t) => t.id),
        firstCompanyTask: first.id,
        targets: {
          task: first.id,
          company: `${partner}-c1`,
          companyName: `${partner} Company One`,
          partnership: `${partner}-resale`,
          partner,
          user: userId,
        },
      };
    };
    const alpha = side("alpha", ids.alphaUser, ids.alphaAdmin);
    const beta = side("beta", ids.betaUser, ids.betaAdmin);
    // Ids are UUIDs; names, order numbers and scanner ids all carry the partner's name.
    const markersOf = (s: Omit<Side, "markers">) => [
      new RegExp(s.partner, "i"),
      ...s.taskIds,
      s.adminId,
      s.userId,
    ];
    await giveHistory(portal, callers.betaAdmin, beta);
    await giveHistory(portal, callers.alphaAdmin, alpha);
    return {
      portal,
      alpha: { ...alpha, markers: markersOf(alpha) },
      beta: { ...beta, markers: markersOf(beta) },
      alphaUser: callers.alphaUser,
      vendor: callers.vendor,
      ingest: callers.ingest,
      close: () => portal.close(),
    };
  } catch (error) {
    await portal.close();
    throw error;
  }
}

/** An assignment, a comment and a dismissal made by the side's own people. */
async function giveHistory(portal: TestPortal, admin: Caller, side: Omit<Side, "markers">): Promise<void> {
  const name = side.partner === "alpha" ? "Alpha" : "Beta";
  const steps: Request[] = [
    { method: "POST", url: `/tasks/${side.firstCompanyTask}/assign`, payload: { userId: side.userId } },
    {
      method: "POST",
      url: `/tasks/${side.firstCompanyTask}/comments`,
      payload: { text: `${name} called the customer` },
    },
    {
      method: "POST",
      url: `/tasks/${side.secondCompanyTaskIds[0]}/dismiss`,
      payload: { reason: `${name} handles this` },
    },
  ];
  for (const step of steps) {
    const response = await call(portal, admin, step);
    if (response.statusCode !== 200) throw new Error(`${step.url}: ${response.statusCode} ${response.body}`);
  }
}

export function call(portal: TestPortal, caller: Caller, request: Request): Promise<LightMyRequestResponse> {
  const options: InjectOptions = {
    method: request.method,
    url: `/api/v1${request.url}`,
    headers: { ...caller.headers },
    ...(request.payload ? { payload: request.payload } : {}),
  };
  return portal.app.inject(options);
}

/** An answer with the id the request carried replaced, so a foreign and a missing id compare. */
export function answerOf(response: LightMyRequestResponse, value: string) {
  const text = response.body.replaceAll(value, "<value>").replaceAll(encodeURIComponent(value), "<value>");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and other text answers compare as text.
  }
  return { status: response.statusCode, contentType: response.headers["content-type"], body };
}

/** The markers an answer contains, once the value the caller sent itself is taken out. */
export function leaksIn(text: string, markers: readonly (string | RegExp)[], sent?: string): string[] {
  const own = sent ? text.replaceAll(sent, "<value>").replaceAll(encodeURIComponent(sent), "<value>") : text;
  return markers.flatMap((marker) => {
    const found = typeof marker === "string" ? own.includes(marker) : marker.test(own);
    return found ? [String(marker)] : [];
  });
}

/**
 * Every row a partner owns among the tables actions write, with its row version (xmin): equal
 * snapshots mean nothing was inserted, updated or deleted, even with the same values.
 */
export async function partnerSnapshot(db: Kysely<Database>, partnerId: string) {
  const tables = ["tasks", "task_events", "users", "user_companies"] as const;
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`
      select xmin::text as version, * from ${sql.table(table)} where partner_id = ${partnerId}
      order by 2, 3`.execute(db);
    snapshot[table] = rows;
  }
  return snapshot;
}
