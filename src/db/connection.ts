/**
 * Opens the application's database: a PostgreSQL server when a URL is configured, otherwise an
 * embedded PGlite (in a data folder, or in memory). Both come back as the same Kysely handle with
 * the same type mapping (see type-parsers.ts), so nothing above this file knows which one it has.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { PGliteDialect, streamWithSqlCursor, type TrackedConnection } from "./pglite-dialect.ts";
import { getPgTypeParser, pgliteParsers } from "./type-parsers.ts";

export type DatabaseKind = "pglite" | "postgres";

/** An open database; `close()` ends the pool or closes PGlite (and must be called exactly once). */
export interface Database<DB> {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL of a PostgreSQL server; when set, `dataDir` is ignored. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, created if missing; undefined = in memory (gone on close). */
  dataDir?: string | undefined;
}

/** Opens the database the options describe. Throws with an actionable message if it cannot. */
export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<Database<DB>> {
  if (options.databaseUrl) return openPostgres<DB>(options.databaseUrl);
  return openPGlite<DB>(options.dataDir);
}

/** True for PostgreSQL's unique_violation (SQLSTATE 23505) from either pg or PGlite. */
export function isPostgresUniqueViolation(error: unknown): boolean {
  // Both drivers throw a DatabaseError carrying the SQLSTATE in `code`; Kysely rethrows it as is.
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}

/**
 * True for conflicts that a retry of the whole transaction resolves: a unique violation lost to a
 * concurrent writer, a deadlock, or a serialization failure.
 */
export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  return error.code === "23505" || error.code === "40P01" || error.code === "40001";
}

async function openPostgres<DB>(databaseUrl: string): Promise<Database<DB>> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // Per pool, not pg.types.setTypeParser: the global table would change every pg client in the process.
    types: { getTypeParser: getPgTypeParser },
  });
  // An idle client whose server connection drops emits 'error' on the pool; unhandled, that kills
  // the process. The pool discards that client and the next query reconnects (or fails visibly).
  pool.on("error", () => {});
  try {
    // Fail at start-up with a clear message rather than at the first request.
    await pool.query("select 1");
  } catch (cause) {
    await pool.end();
    throw new Error(`Could not connect to PostgreSQL at ${withoutPassword(databaseUrl)}: ${String(cause)}`, {
      cause,
    });
  }
  const db = new Kysely<DB>({ dialect: new CursorStreamingPostgresDialect({ pool }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

/** The URL for an error message: never print the password (logs outlive the incident). */
function withoutPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = "";
    return url.toString();
  } catch {
    return "the configured database URL";
  }
}

async function openPGlite<DB>(dataDir: string | undefined): Promise<Database<DB>> {
  const folder = dataDir === undefined ? undefined : resolve(dataDir);
  if (folder !== undefined) prepareDataFolder(folder);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(folder === undefined ? {} : { dataDir: folder }),
      parsers: pgliteParsers(),
    });
  } catch (cause) {
    if (folder === undefined) throw cause;
    throw new Error(
      `Could not open the PGlite database in ${folder}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        "It may come from another PGlite/PostgreSQL version, be damaged, or be in use by another process. " +
        "Stop any other process using it, restore it from a backup, or move the folder aside to start empty.",
      { cause },
    );
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: "pglite", close: () => db.destroy() };
}

/**
 * Creates a missing folder; refuses a non-empty folder that holds no database, because PGlite would
 * otherwise write a whole cluster into whatever directory a mistyped setting points at.
 */
function prepareDataFolder(folder: string): void {
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    return;
  }
  if (readdirSync(folder).length > 0 && !existsSync(join(folder, "PG_VERSION"))) {
    throw new Error(
      `The PGlite data folder ${folder} is not empty and holds no database (no PG_VERSION file). ` +
        "Point the data folder setting at an empty or missing folder, or at an existing PGlite database.",
    );
  }
}

/**
 * Kysely's PostgresDialect streams only through the optional `pg-cursor` package. This wrapper
 * streams with SQL cursors instead (the same code PGlite uses), so no extra dependency is needed
 * and both databases stream identically. Everything else goes to Kysely's Postgres driver.
 */
class CursorStreamingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    // PostgresDialect always builds a PostgresDriver; the cast only recovers its savepoint methods.
    return new CursorStreamingDriver(super.createDriver() as Required<Driver>);
  }
}

class StreamingConnection implements TrackedConnection {
  inTransaction = false;
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: Parameters<DatabaseConnection["executeQuery"]>[0]): Promise<QueryResult<R>> {
    return this.inner.executeQuery<R>(query);
  }

  streamQuery<R>(
    query: Parameters<DatabaseConnection["streamQuery"]>[0],
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    return streamWithSqlCursor<R>(this, query, chunkSize);
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return (connection as StreamingConnection).inner;
}

class CursorStreamingDriver implements Driver {
  // One wrapper per pooled connection, so the transaction flag lives as long as the connection.
  readonly #wrappers = new WeakMap<DatabaseConnection, StreamingConnection>();
  constructor(readonly inner: Required<Driver>) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    let wrapper = this.#wrappers.get(inner);
    if (!wrapper) {
      wrapper = new StreamingConnection(inner);
      this.#wrappers.set(inner, wrapper);
    }
    return wrapper;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const wrapper = connection as StreamingConnection;
    await this.inner.beginTransaction(wrapper.inner, settings);
    wrapper.inTransaction = true;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapper = connection as StreamingConnection;
    wrapper.inTransaction = false;
    return this.inner.commitTransaction(wrapper.inner);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapper = connection as StreamingConnection;
    wrapper.inTransaction = false;
    return this.inner.rollbackTransaction(wrapper.inner);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.inner.savepoint(unwrap(connection), name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.inner.rollbackToSavepoint(unwrap(connection), name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.inner.releaseSavepoint(unwrap(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
