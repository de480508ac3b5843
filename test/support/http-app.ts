/**
 * A portal API on a fresh test database, built with buildApp and driven with inject: partners,
 * users and tokens to call it as, and sign-in that returns the cookie and CSRF token.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createToken } from "../../src/app/auth/api-tokens.ts";
import { sessionSettings } from "../../src/app/auth/sessions.ts";
import { addUser, type NewUser } from "../../src/app/auth/users.ts";
import { fixedClock } from "../../src/app/clock.ts";
import { type AppContext, createAppContext } from "../../src/app/context.ts";
import { importRecords } from "../../src/app/import/import-records.ts";
import { readRecords } from "../../src/app/import/read-records.ts";
import { runScan } from "../../src/app/scan.ts";
import type { DatabaseKind } from "../../src/db/connection.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { buildApp } from "../../src/http/app.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";

export const PASSWORD = "correct horse battery";

export interface TestPortal {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly database: TestDatabase<Database>;
  /** Imports a JSON document of records and scans, as of the portal's clock. */
  load(document: unknown): Promise<void>;
  addUser(user: Omit<NewUser, "password"> & { password?: string }): Promise<string>;
  signIn(email: string): Promise<Session>;
  token(partnerId: string | null, scope: "read" | "write" | "ingest"): Promise<string>;
  close(): Promise<void>;
}

export interface Session {
  readonly headers: { cookie: string; "x-csrf-token": string };
  readonly cookie: string;
  readonly csrf: string;
}

export async function createTestPortal(
  kind: DatabaseKind,
  now = new Date("2026-12-04T09:00:00Z"),
): Promise<TestPortal> {
  const database = await createTestDatabase<Database>(kind);
  await migrateToLatest(database.db);
  const ctx = createAppContext(database.db, { clock: fixedClock(now) });
  const app = await buildApp({
    ctx,
    sessions: sessionSettings(12),
    secure: false,
    bodyLimit: 1_000_000,
    rescan: (companyIds) => runScan(ctx, { companyIds }),
  });
  return {
    app,
    ctx,
    database,
    async load(document) {
      await importRecords(ctx, readRecords(JSON.stringify(document)));
      await runScan(ctx);
    },
    async addUser(user) {
      return (await addUser(ctx, { ...user, password: user.password ?? PASSWORD })).id;
    },
    async signIn(email) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email, password: PASSWORD },
      });
      if (response.statusCode !== 200)
        throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookie(response);
      const csrf = response.json().csrfToken as string;
      return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
    },
    async token(partnerId, scope) {
      return (await createToken(ctx, { partnerId, scope })).token;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const set = response.cookies.find((c) => c.name === "pp_session");
  if (!set) throw new Error("no session cookie set");
  return `pp_session=${set.value}`;
}

/** Two partners, each with a reseller partnership and companies with tasks, for isolation tests. */
export function twoPartners() {
  const partner = (id: string) => ({
    partners: [{ id, name: `${id} AB` }],
    partnerships: [{ id: `${id}-resale`, partnerId: id, name: `${id} Resale`, type: "reseller" }],
    companies: [
      { id: `${id}-c1`, partnershipId: `${id}-resale`, name: `${id} Company One` },
      { id: `${id}-c2`, partnershipId: `${id}-resale`, name: `${id} Company Two` },
    ],
    orders: [
      {
        orderNumber: `${id}-SO-1`,
        companyId: `${id}-c1`,
        startDate: "2026-01-01",
        endDate: "2026-12-20",
        acv: 1000,
        currency: "EUR",
        lines: [{ product: "SNS", quantity: 100 }],
      },
      {
        orderNumber: `${id}-SO-2`,
        companyId: `${id}-c2`,
        startDate: "2026-01-01",
        endDate: "2027-02-20",
        lines: [{ product: "DA", quantity: 100 }],
      },
    ],
    usage: [{ companyId: `${id}-c1`, product: "SNS", used: 120, measuredAt: "2026-12-03T00:00:00Z" }],
    scanners: [
      {
        id: `${id}-sa`,
        companyId: `${id}-c2`,
        name: "HQ",
        status: "offline",
        lastSeenAt: "2026-12-01T00:00:00Z",
      },
    ],
  });
  const a = partner("alpha");
  const b = partner("beta");
  const merged: Record<string, unknown[]> = {};
  for (const doc of [a, b]) {
    for (const [key, list] of Object.entries(doc)) merged[key] = [...(merged[key] ?? []), ...list];
  }
  return merged;
}
