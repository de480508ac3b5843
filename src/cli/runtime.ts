/** Opens the configured database, brings its schema up to date and builds the app context. */
import { type AppContext, createAppContext } from "../app/context.ts";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { Database } from "../db/schema.ts";

export interface Runtime {
  readonly ctx: AppContext;
  readonly databaseKind: "pglite" | "postgres";
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase<Database>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ctx: createAppContext(database.db, { timeZone: config.timeZone, settings: config.rules }),
    databaseKind: database.kind,
    close: () => database.close(),
  };
}
