/**
 * `partner-portal users` and `partner-portal tokens`, run in-process on their own store; what they
 * create is then used against the API (buildApp + inject) to prove it signs in or authenticates.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionSettings } from "../../src/app/auth/sessions.ts";
import { createAppContext } from "../../src/app/context.ts";
import { runScan } from "../../src/app/scan.ts";
import type { Database } from "../../src/db/schema.ts";
import { buildApp } from "../../src/http/app.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { type CliStore, createCliStore, type Outcome } from "./support.ts";

const PASSWORD = "a long enough password";

const PARTNERS = {
  partners: [
    { id: "nordsec", name: "Nordsec AB" },
    { id: "other", name: "Other AB" },
  ],
  partnerships: [{ id: "nordsec-resale", partnerId: "nordsec", name: "Nordsec Reseller", type: "reseller" }],
  companies: [
    { id: "globex", partnershipId: "nordsec-resale", name: "Globex" },
    { id: "initech", partnershipId: "nordsec-resale", name: "Initech" },
  ],
};

/** The API on the store the commands wrote (opened once per call: PGlite's folder has one holder). */
async function withApi<T>(store: CliStore, use: (app: FastifyInstance) => Promise<T>): Promise<T> {
  return store.inspect(async (db: Kysely<Database>) => {
    const ctx = createAppContext(db);
    const app = await buildApp({
      ctx,
      sessions: sessionSettings(12),
      secure: false,
      bodyLimit: 1_000_000,
      rescan: (companyIds) => runScan(ctx, { companyIds }),
    });
    try {
      return await use(app);
    } finally {
      await app.close();
    }
  });
}

const signIn = (app: FastifyInstance, email: string) =>
  app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password: PASSWORD } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectUsageError(outcome: Outcome, ...mentions: string[]) {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toEqual([]);
  expect(outcome.stderr).toHaveLength(1);
  expect(outcome.stderr[0]).not.toContain("\n");
  for (const text of mentions) expect(outcome.stderr[0]).toContain(text);
}

describe.each(testDatabaseKinds())("users and tokens commands on %s", (kind) => {
  let store: CliStore;
  const root = mkdtempSync(join(tmpdir(), "portal-access-"));
  const cli = (...argv: string[]) => store.cli(argv);

  beforeAll(async () => {
    store = await createCliStore(kind);
    const file = join(root, "partners.json");
    writeFileSync(file, JSON.stringify(PARTNERS));
    expect(await cli("import", file)).toMatchObject({ code: 0, stderr: [] });
  });
  afterAll(async () => {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe("users", () => {
    it("add creates people who sign in with the password from standard input", async () => {
      const admin = await store.cli(
        [
          "users",
          "add",
          "--email",
          "ann@nordsec.test",
          "--name",
          "Ann",
          "--partner",
          "nordsec",
          "--role",
          "admin",
          "--password-stdin",
        ],
        `${PASSWORD}\n`,
      );
      expect(admin.code).toBe(0);
      expect(admin.stdout).toEqual([
        expect.stringMatching(/^Added admin of nordsec ann@nordsec\.test \(id .+\)\.$/),
      ]);
      const user = await store.cli(
        [
          "users",
          "add",
          "--email",
          "bob@nordsec.test",
          "--name",
          "Bob",
          "--partner",
          "nordsec",
          "--role",
          "user",
          "--companies",
          "globex",
          "--password-stdin",
        ],
        PASSWORD,
      );
      expect(user.code).toBe(0);
      const vendor = await store.cli(
        ["users", "add", "--email", "vera@vendor.test", "--name", "Vera", "--vendor", "--password-stdin"],
        PASSWORD,
      );
      expect(vendor).toMatchObject({
        code: 0,
        stdout: [expect.stringContaining("Added vendor vera@vendor.test")],
      });
      const mails = await cli(
        "users",
        "add",
        "--email",
        "ops@nordsec.test",
        "--name",
        "Ops",
        "--partner",
        "nordsec",
        "--role",
        "notifications",
      );
      expect(mails.code).toBe(0);

      await withApi(store, async (app) => {
        const signedIn = await signIn(app, "ann@nordsec.test");
        expect(signedIn.statusCode).toBe(200);
        expect(signedIn.json()).toMatchObject({ role: "admin", partnerId: "nordsec" });
        const limited = await signIn(app, "bob@nordsec.test");
        expect(limited.json()).toMatchObject({ role: "user", companyIds: ["globex"] });
        const vendorSignedIn = await signIn(app, "vera@vendor.test");
        expect(vendorSignedIn.json()).toMatchObject({ role: "vendor", partnerId: null });
        expect((await signIn(app, "ops@nordsec.test")).statusCode).toBe(401);
      });
    });

    it("list shows everyone or one partner's people, as a table or JSON", async () => {
      const all = await cli("users", "list", "--format", "json");
      expect(all.code).toBe(0);
      const users = JSON.parse(all.stdout.join("\n")) as {
        email: string;
        role: string;
        companyIds: string[];
      }[];
      expect(users.map((u) => u.email)).toEqual([
        "ann@nordsec.test",
        "bob@nordsec.test",
        "ops@nordsec.test",
        "vera@vendor.test",
      ]);
      expect(users.find((u) => u.role === "user")?.companyIds).toEqual(["globex"]);
      const nordsec = await cli("users", "list", "--partner", "nordsec");
      expect(nordsec.code).toBe(0);
      const table = nordsec.stdout.join("\n");
      expect(table).toMatch(/^id\s+email\s+name\s+role\s+partner/);
      expect(table).toContain("bob@nordsec.test");
      expect(table).not.toContain("vera@vendor.test");
    });

    it("disable ID|EMAIL stops the account signing in", async () => {
      const disabled = await cli("users", "disable", "bob@nordsec.test");
      expect(disabled).toMatchObject({
        code: 0,
        stdout: [expect.stringContaining("Disabled bob@nordsec.test")],
      });
      const listed = () => cli("users", "list", "--format", "json");
      const users = JSON.parse((await listed()).stdout.join("\n")) as { id: string; email: string }[];
      const vera = users.find((u) => u.email === "vera@vendor.test")?.id ?? "";
      expect((await cli("users", "disable", vera)).code).toBe(0);
      await withApi(store, async (app) => {
        expect((await signIn(app, "bob@nordsec.test")).statusCode).toBe(401);
        expect((await signIn(app, "vera@vendor.test")).statusCode).toBe(401);
      });
      const after = JSON.parse((await listed()).stdout.join("\n")) as { email: string; disabled: boolean }[];
      expect(after.filter((u) => u.disabled).map((u) => u.email)).toEqual([
        "bob@nordsec.test",
        "vera@vendor.test",
      ]);
    });

    it.each([
      [["users"], "add, list, disable"],
      [["users", "frob"], '"frob"'],
      [["users", "add", "--name", "X", "--partner", "nordsec", "--role", "admin"], "--email"],
      [
        ["users", "add", "--email", "x@y.test", "--name", "X", "--partner", "nordsec", "--vendor"],
        "--vendor",
      ],
      [["users", "add", "--email", "x@y.test", "--name", "X", "--partner", "nordsec"], "--role"],
      [
        ["users", "add", "--email", "x@y.test", "--name", "X", "--partner", "nordsec", "--role", "owner"],
        "owner",
      ],
      [
        ["users", "add", "--email", "x@y.test", "--name", "X", "--partner", "nordsec", "--role", "admin"],
        "--password-stdin",
      ],
      [
        [
          "users",
          "add",
          "--email",
          "x@y.test",
          "--name",
          "X",
          "--partner",
          "nordsec",
          "--role",
          "admin",
          "--companies",
          "globex",
          "--password-stdin",
        ],
        "--companies",
      ],
      [["users", "add", "--bogus"], "--bogus"],
      [["users", "list", "--format", "xml"], "xml"],
      [["users", "disable"], "exactly one"],
    ])("users %j is a usage error: exit 2, one line", async (argv, mention) => {
      expectUsageError(await store.cli(argv, PASSWORD), mention);
    });

    it("a short password, a duplicate email or an unknown partner fails with one line", async () => {
      const add = (email: string, partner: string, password: string) =>
        store.cli(
          [
            "users",
            "add",
            "--email",
            email,
            "--name",
            "X",
            "--partner",
            partner,
            "--role",
            "admin",
            "--password-stdin",
          ],
          password,
        );
      expectUsageError(await add("short@nordsec.test", "nordsec", "short"), "10 characters");
      for (const outcome of [
        await add("ann@nordsec.test", "nordsec", PASSWORD),
        await add("x@nowhere.test", "nowhere", PASSWORD),
        await cli("users", "disable", "nobody@nordsec.test"),
      ]) {
        expect(outcome.code).toBe(1);
        expect(outcome.stderr).toHaveLength(1);
      }
    });
  });

  describe("tokens", () => {
    let ingestToken = "";
    let readToken = "";

    it("create prints only the token on standard output", async () => {
      const vendor = await cli("tokens", "create", "--vendor", "--name", "Vendor feed");
      expect(vendor.code).toBe(0);
      expect(vendor.stdout).toHaveLength(1);
      ingestToken = vendor.stdout[0] ?? "";
      expect(ingestToken).toMatch(/^ppt_\S{40,}$/);
      expect(vendor.stderr).toEqual([expect.stringContaining('ingest token "Vendor feed"')]);
      const read = await cli("tokens", "create", "--partner", "nordsec", "--scope", "read");
      expect(read.code).toBe(0);
      readToken = read.stdout[0] ?? "";
      expect(readToken).toMatch(/^ppt_/);
    });

    it("the created tokens authenticate against the API, each within its scope", async () => {
      await withApi(store, async (app) => {
        const scans = await app.inject({ url: "/api/v1/scans", headers: bearer(ingestToken) });
        expect(scans.statusCode).toBe(200);
        const me = await app.inject({ url: "/api/v1/me", headers: bearer(readToken) });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ kind: "token", role: "token:read", partnerId: "nordsec" });
        expect((await app.inject({ url: "/api/v1/scans", headers: bearer(readToken) })).statusCode).toBe(403);
      });
    });

    it("list shows the tokens without their secrets; revoke ends one", async () => {
      const listed = await cli("tokens", "list", "--format", "json");
      expect(listed.code).toBe(0);
      expect(listed.stdout.join("\n")).not.toContain(readToken);
      const tokens = JSON.parse(listed.stdout.join("\n")) as {
        id: string;
        scope: string;
        revoked: boolean;
      }[];
      expect(tokens.map((t) => [t.scope, t.revoked])).toEqual([
        ["ingest", false],
        ["read", false],
      ]);
      const table = await cli("tokens", "list");
      expect(table.stdout.join("\n")).toContain("Vendor feed");

      const id = tokens.find((t) => t.scope === "read")?.id ?? "";
      expect(await cli("tokens", "revoke", id)).toMatchObject({ code: 0, stdout: [`Revoked token ${id}.`] });
      const me = await withApi(store, (app) => app.inject({ url: "/api/v1/me", headers: bearer(readToken) }));
      expect(me.statusCode).toBe(401);
      const again = await cli("tokens", "revoke", id);
      expect(again.code).toBe(1);
      expect(again.stderr).toEqual([expect.stringContaining(id)]);
    });

    it.each([
      [["tokens", "create"], "--partner ID or --vendor"],
      [["tokens", "create", "--partner", "nordsec"], "--scope"],
      [["tokens", "create", "--partner", "nordsec", "--scope", "ingest"], "ingest"],
      [["tokens", "create", "--vendor", "--scope", "read"], "read"],
      [["tokens", "create", "--partner", "nordsec", "--scope", "admin"], "admin"],
      [["tokens", "revoke"], "exactly one"],
      [["tokens", "list", "--all"], "--all"],
    ])("tokens %j is a usage error: exit 2, one line", async (argv, mention) => {
      expectUsageError(await store.cli(argv), mention);
    });

    it("a token for an unknown partner fails with one line", async () => {
      const outcome = await cli("tokens", "create", "--partner", "nowhere", "--scope", "read");
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toEqual([]);
      expect(outcome.stderr).toEqual([expect.stringContaining('"nowhere"')]);
    });
  });

  it("users and tokens have help", async () => {
    for (const name of ["users", "tokens"]) {
      const help = await cli(name, "--help");
      expect(help.code).toBe(0);
      expect(help.stdout[0]).toMatch(new RegExp(`^Usage: partner-portal ${name} `));
    }
  });
});
