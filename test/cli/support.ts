/**
 * Runs the partner-portal command in-process against its own store: a PGlite data folder in a
 * temporary directory, or a fresh PostgreSQL test database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { main } from "../../src/cli/main.ts";
import { type DatabaseKind, openDatabase } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";

export interface Outcome {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

export interface CliStore {
  /** The environment the commands run with (PORTAL_DATA or DATABASE_URL). */
  readonly env: Record<string, string>;
  cli(argv: string[], stdin?: string): Promise<Outcome>;
  /** The store as the commands left it (a PGlite folder opens only while no command holds it). */
  inspect<T>(look: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createCliStore(
  kind: DatabaseKind,
  extraEnv: Record<string, string> = {},
): Promise<CliStore> {
  const root = mkdtempSync(join(tmpdir(), "portal-cli-"));
  const dataDir = join(root, "data");
  let database: TestDatabase<Database> | undefined;
  if (kind === "postgres") database = await createTestDatabase<Database>(kind);
  const env = {
    ...(database ? { DATABASE_URL: database.url ?? "" } : { PORTAL_DATA: dataDir }),
    ...extraEnv,
  };
  return {
    env,
    async cli(argv, stdin = "") {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const code = await main(argv, {
        env,
        stdout: (text) => stdout.push(text),
        stderr: (text) => stderr.push(text),
        readStdin: async () => stdin,
      });
      return { code, stdout, stderr };
    },
    async inspect(look) {
      if (database) return look(database.db);
      const opened = await openDatabase<Database>({ dataDir });
      try {
        return await look(opened.db);
      } finally {
        await opened.close();
      }
    },
    async close() {
      await database?.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
