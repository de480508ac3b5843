/**
 * The one place integration tests get databases. Every suite runs on PGlite, and also on PostgreSQL
 * when DATABASE_URL is set:
 *
 *   describe.each(testDatabaseKinds())("tasks repository on %s", (kind) => { … createTestDatabase(kind) … })
 *
 * On PostgreSQL each test database is a fresh database created next to DATABASE_URL's (whose role
 * must be allowed to CREATE DATABASE) and dropped on close, so suites can run in parallel.
 */
import type { Kysely } from "kysely";
import pg from "pg";
import { type DatabaseKind, openDatabase } from "../../src/db/connection.ts";

export interface TestDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  /** postgres:// URL of the test database (PostgreSQL only). */
  readonly url?: string;
  close(): Promise<void>;
}

/** The kinds to run every integration suite on. */
export function testDatabaseKinds(): DatabaseKind[] {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.PORTAL_REQUIRE_POSTGRES === "1") {
    // CI sets this so a missing URL cannot turn the PostgreSQL half of the suite into a silent skip.
    throw new Error(
      "PORTAL_REQUIRE_POSTGRES=1: the PostgreSQL run is mandatory here, but DATABASE_URL is not set.",
    );
  }
  return url ? ["pglite", "postgres"] : ["pglite"];
}

let counter = 0;

/** A fresh, empty database of the given kind; call close() in afterAll/afterEach. */
export async function createTestDatabase<DB>(kind: DatabaseKind): Promise<TestDatabase<DB>> {
  if (kind === "pglite") return openDatabase<DB>({});
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("createTestDatabase('postgres') needs DATABASE_URL");
  counter += 1;
  const name = `portal_test_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase<DB>({ databaseUrl: url.toString() });
  return {
    db: database.db,
    kind,
    url: url.toString(),
    async close() {
      await database.close();
      // FORCE: a connection leaked by a failed test must not keep the database alive.
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(adminUrl: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
  } catch (cause) {
    // Loud on purpose: DATABASE_URL says PostgreSQL is expected, so an unreachable server is a failure.
    const where = new URL(adminUrl);
    where.password = "";
    throw new Error(
      `DATABASE_URL is set but PostgreSQL at ${where.toString()} is unreachable: ${String(cause)}`,
      { cause },
    );
  }
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
