/**
 * `partner-portal start`'s first start: the demo data and the demo admin on an empty database,
 * nothing on a later start, and the password shown only when the server is this machine's alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/app/auth/rate-limit.ts";
import { signIn } from "../../src/app/auth/sessions.ts";
import { type AppContext, createAppContext } from "../../src/app/context.ts";
import type { CommandIo } from "../../src/cli/command.ts";
import { DEMO, isLoopback, prepareFirstStart } from "../../src/cli/commands/start.command.ts";
import { loadConfig } from "../../src/config.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { openMigratedDatabase } from "../support/portal.ts";

/** Loading and scanning the demo takes seconds, many more on a busy two-core machine. */
const DEMO_LOAD_TIMEOUT = 180_000;

function capture() {
  const stdout: string[] = [];
  const io: CommandIo = {
    env: {},
    stdout: (text) => stdout.push(text),
    stderr: (text) => stdout.push(`stderr: ${text}`),
    readStdin: async () => "",
  };
  return { io, stdout };
}

const countCompanies = async (ctx: AppContext) =>
  Number(
    (
      await ctx.db
        .selectFrom("companies")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

it.each([
  ["127.0.0.1", true],
  ["127.1.2.3", true],
  ["localhost", true],
  ["::1", true],
  ["[::1]", true],
  ["0.0.0.0", false],
  ["::", false],
  ["192.168.1.10", false],
  ["portal.example.com", false],
])("isLoopback(%s) is %s", (host, expected) => {
  expect(isLoopback(host)).toBe(expected);
});

describe.each(testDatabaseKinds())("first start on %s", (kind) => {
  let databases: Awaited<ReturnType<typeof openMigratedDatabase>>[] = [];
  const fresh = async () => {
    const database = await openMigratedDatabase(kind);
    databases.push(database);
    return createAppContext(database.db);
  };
  beforeAll(() => {
    databases = [];
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
  });

  it(
    "loads the demo, creates the demo admin and prints its password on a loopback address",
    async () => {
      const ctx = await fresh();
      const config = loadConfig({ HOST: "127.0.0.1" });
      const { io, stdout } = capture();
      await prepareFirstStart(ctx, config, io);
      expect(await countCompanies(ctx)).toBe(DEMO.companies);
      const line = stdout.find((text) => text.startsWith("Sign in as"));
      const password = /with the password (\S+) /.exec(line ?? "")?.[1] ?? "";
      expect(line).toContain(DEMO.email);
      expect(password.length).toBeGreaterThanOrEqual(10);
      const limiter = () => createRateLimiter(5, 60_000);
      const session = await signIn(
        ctx,
        { ttlHours: 1, addressLimiter: limiter(), accountLimiter: limiter() },
        { email: DEMO.email, password, address: "127.0.0.1" },
      );
      expect(session.principal).toMatchObject({ role: "admin", partnerId: "nordsec" });

      const again = capture();
      await prepareFirstStart(ctx, config, again.io);
      expect(again.stdout).toEqual([]);
      expect(await countCompanies(ctx)).toBe(DEMO.companies);
    },
    DEMO_LOAD_TIMEOUT,
  );

  it(
    "on an address other machines reach, prints no password but how to add users",
    async () => {
      const ctx = await fresh();
      const { io, stdout } = capture();
      await prepareFirstStart(ctx, loadConfig({ HOST: "0.0.0.0" }), io);
      const text = stdout.join("\n");
      expect(text).not.toContain("with the password");
      expect(text).toContain("partner-portal users add");
      const admin = await ctx.db.selectFrom("users").select(["email", "role"]).execute();
      expect(admin).toEqual([{ email: DEMO.email, role: "admin" }]);
    },
    DEMO_LOAD_TIMEOUT,
  );
});
