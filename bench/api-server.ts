/**
 * The real API for the API benchmark: buildApp over a PostgreSQL pool (openDatabase, max 10
 * connections), listening on a free local port, with one admin per benchmarked partner signed in
 * through POST /auth/sign-in, exactly as the web portal does it.
 */
import type { FastifyInstance } from "fastify";
import { sessionSettings } from "../src/app/auth/sessions.ts";
import { addUser } from "../src/app/auth/users.ts";
import { fixedClock } from "../src/app/clock.ts";
import { type AppContext, createAppContext } from "../src/app/context.ts";
import { runScan } from "../src/app/scan.ts";
import { openDatabase } from "../src/db/connection.ts";
import type { Database } from "../src/db/schema.ts";
import { buildApp } from "../src/http/app.ts";
import { BENCH_AT } from "./api-data.ts";

const PASSWORD = "bench-password-1234";

export interface RunningApi {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  close(): Promise<void>;
}

export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const database = await openDatabase<Database>({ databaseUrl });
  // The data set's instant: snoozes and sessions are judged against it, as a scan at BENCH_AT would.
  const ctx = createAppContext(database.db, { clock: fixedClock(BENCH_AT) });
  const app = await buildApp({
    ctx,
    sessions: sessionSettings(12),
    secure: false,
    bodyLimit: 1_000_000,
    rescan: (companyIds) => runScan(ctx, { companyIds }),
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl: address,
    app,
    ctx,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The partner's admin: created on first use (so a kept database can be reused), then signed in. */
export async function adminSession(api: RunningApi, partnerId: string): Promise<string> {
  const email = `admin@${partnerId.toLowerCase()}.example`;
  const exists = await api.ctx.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirst();
  if (!exists) {
    await addUser(api.ctx, {
      email,
      name: `Admin ${partnerId}`,
      role: "admin",
      partnerId,
      password: PASSWORD,
    });
  }
  const response = await fetch(`${api.baseUrl}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("pp_session="));
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  return cookie.split(";")[0] as string;
}
