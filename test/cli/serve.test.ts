/**
 * The server process (src/server.ts) over real HTTP on an ephemeral port, and the serve/start
 * commands' flags. The only test here that listens.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/server.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { type CliStore, createCliStore } from "./support.ts";

describe.each(testDatabaseKinds())("startServer on %s", (kind) => {
  let store: CliStore;
  beforeAll(async () => {
    store = await createCliStore(kind, { PORT: "0", PORTAL_LOG_LEVEL: "silent" });
  });
  afterAll(() => store.close());

  it("listens, answers /api/health over HTTP, and stops cleanly, releasing its signal handlers", async () => {
    const signalHandlers = process.listenerCount("SIGTERM");
    const announced: string[] = [];
    let prepared = false;
    const server = await startServer(loadConfig(store.env), {
      announce: (text) => announced.push(text),
      prepare: async (ctx) => {
        prepared = (await ctx.db.selectFrom("companies").select("id").execute()).length === 0;
      },
    });
    try {
      expect(prepared).toBe(true);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(announced).toEqual([`Partner Portal is listening on ${server.url}`]);
      expect(process.listenerCount("SIGTERM")).toBe(signalHandlers + 1);
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    } finally {
      await server.close();
    }
    await server.closed;
    expect(process.listenerCount("SIGTERM")).toBe(signalHandlers);
    // The database is closed and free again: a command can open it.
    expect((await store.cli(["migrate"])).code).toBe(0);
  }, 180_000);

  it.each([
    [["serve", "--port", "http"], "http"],
    [["serve", "--port", "70000"], "70000"],
    [["start", "--port=-1"], "-1"],
    [["serve", "--verbose"], "--verbose"],
  ])("%j is a usage error: exit 2, one line", async (argv, mention) => {
    const outcome = await store.cli(argv);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toEqual([]);
    expect(outcome.stderr).toHaveLength(1);
    expect(outcome.stderr[0]).not.toContain("\n");
    expect(outcome.stderr[0]).toContain(mention);
  });

  it("serve and start have help", async () => {
    for (const name of ["serve", "start"]) {
      const help = await store.cli([name, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout[0]).toContain(`Usage: partner-portal ${name} [--port N] [--data DIR]`);
    }
  });
});
