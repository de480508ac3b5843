/** Runs the schema migrations; called on every start and by `partner-portal migrate`. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/001-initial.ts";
import * as access from "./migrations/002-access.ts";
import * as urgency from "./migrations/003-task-urgency.ts";
import * as liveListIndex from "./migrations/004-live-task-list-index.ts";
import type { Database } from "./schema.ts";

/** Listed explicitly, in order: no directory scanning, so bundles and tests see the same set. */
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
  "002-access": access,
  "003-task-urgency": urgency,
  "004-live-task-list-index": liveListIndex,
};

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
