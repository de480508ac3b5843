/** The test-database helper itself: which kinds run, and that PostgreSQL test databases go away. */
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKinds } from "../support/databases.ts";

describe("testDatabaseKinds", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("always includes PGlite and adds PostgreSQL when DATABASE_URL is set", () => {
    vi.stubEnv("PORTAL_REQUIRE_POSTGRES", "");
    vi.stubEnv("DATABASE_URL", "");
    expect(testDatabaseKinds()).toEqual(["pglite"]);
    vi.stubEnv("DATABASE_URL", "postgres://example.invalid/db");
    expect(testDatabaseKinds()).toEqual(["pglite", "postgres"]);
  });

  it("makes the PostgreSQL run mandatory when PORTAL_REQUIRE_POSTGRES=1", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PORTAL_REQUIRE_POSTGRES", "1");
    expect(() => testDatabaseKinds()).toThrow(/PostgreSQL run is mandatory/);
  });

  it("fails loudly when DATABASE_URL points at no server", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");
    await expect(createTestDatabase("postgres")).rejects.toThrow(/is unreachable/);
  });
});

describe.runIf(process.env.DATABASE_URL)("createTestDatabase on postgres", () => {
  it("creates a separate database and drops it on close", async () => {
    const test = await createTestDatabase("postgres");
    const name = new URL(test.url ?? "").pathname.slice(1);
    expect(name).toMatch(/^portal_test_\d+_\d+_[a-z0-9]+$/);
    await test.close();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
      expect(rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
