/**
 * A Kysely 0.28 dialect for PGlite (embedded PostgreSQL). PGlite is ONE session, so the driver hands
 * that session to one Kysely connection at a time: a transaction then owns it from BEGIN to
 * COMMIT and no statement of another caller can slip in between (which would silently join the
 * transaction and lose writes). Consequence: inside `db.transaction().execute(trx => …)` use
 * `trx`, never `db`; a query on `db` would wait for the transaction that is waiting for it.
 */
import type { PGlite, Results } from "@electric-sql/pglite";
import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  type TransactionSettings,
} from "kysely";

/** Commands whose row count Kysely reports as `numAffectedRows` (as its pg driver does). */
const COUNTED_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

/** A FIFO lock: waiters are served in arrival order so no caller starves. */
class Mutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    // Hand the lock straight to the next waiter, so nobody can barge in between.
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/** A connection whose transaction state the driver tracks, so streaming knows whether to BEGIN. */
export interface TrackedConnection extends DatabaseConnection {
  inTransaction: boolean;
}

let cursorCounter = 0;

/**
 * Streams a query in batches of `chunkSize` through a server-side cursor (DECLARE/FETCH), so memory
 * stays flat however many rows match. Cursors need a transaction: one is opened (and committed at
 * the end, or rolled back on error) unless the connection is already in one. Only SELECTs can be
 * declared as cursors; other statements (`INSERT … RETURNING`) run once and are yielded in chunks.
 * Shared by the PGlite driver and the pg driver wrapper so both stream the same way.
 */
export async function* streamWithSqlCursor<R>(
  connection: TrackedConnection,
  query: CompiledQuery,
  chunkSize = 100,
): AsyncIterableIterator<QueryResult<R>> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new Error("chunkSize must be a positive integer");
  if (!SelectQueryNode.is(query.query)) {
    const { rows } = await connection.executeQuery<R>(query);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
    return;
  }
  cursorCounter += 1;
  const cursor = `kysely_stream_${cursorCounter}`;
  const ownTransaction = !connection.inTransaction;
  let failed = false;
  if (ownTransaction) await connection.executeQuery(CompiledQuery.raw("begin"));
  try {
    const declare = `declare ${cursor} no scroll cursor for ${query.sql}`;
    await connection.executeQuery(CompiledQuery.raw(declare, [...query.parameters]));
    const fetch = CompiledQuery.raw(`fetch forward ${chunkSize} from ${cursor}`);
    while (true) {
      const { rows } = await connection.executeQuery<R>(fetch);
      if (rows.length > 0) yield { rows };
      if (rows.length < chunkSize) break;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Also runs when the consumer stops early (the generator's return()).
    if (ownTransaction) await connection.executeQuery(CompiledQuery.raw(failed ? "rollback" : "commit"));
    else if (!failed) await connection.executeQuery(CompiledQuery.raw(`close ${cursor}`));
    // After a failure inside the caller's transaction it is aborted; its rollback drops the cursor.
  }
}

class PGliteConnection implements TrackedConnection {
  inTransaction = false;
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // pg sends parameterless text with the simple protocol (several statements allowed) and
    // parameterised text with the extended one (one statement): mirror that for parity.
    const results: Results<R>[] =
      query.parameters.length === 0
        ? ((await this.#pglite.exec(query.sql)) as Results<R>[])
        : [await this.#pglite.query<R>(query.sql, [...query.parameters])];
    const [result] = results;
    // pg returns an array for several statements, which Kysely's pg driver reports as no rows.
    if (!result || results.length > 1) return { rows: [] };
    const command = result.command ?? "";
    if (command === "COMMIT" || command === "ROLLBACK") return { rows: [{ command } as R] };
    if (!COUNTED_COMMANDS.has(command)) return { rows: result.rows };
    // rowCount is this statement's count; affectedRows is a running total over a multi-statement
    // exec(). With one statement they are equal.
    return { rows: result.rows, numAffectedRows: BigInt(result.rowCount ?? result.affectedRows ?? 0) };
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return streamWithSqlCursor<R>(this, query, chunkSize);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #connection: PGliteConnection;
  readonly #mutex = new Mutex();
  #destroyed = false;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (this.#destroyed) {
      this.#mutex.unlock();
      throw new Error("The PGlite Kysely driver has been destroyed");
    }
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = "begin";
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
    this.#connection.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#connection.inTransaction = false;
    const { rows } = await connection.executeQuery<{ command: string }>(CompiledQuery.raw("commit"));
    // PostgreSQL answers COMMIT of a transaction an earlier error aborted with ROLLBACK.
    if (rows[0]?.command === "ROLLBACK") throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#connection.inTransaction = false;
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  /** Waits for the current holder to finish, then closes PGlite: the dialect owns the instance. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    await this.#mutex.lock();
    this.#destroyed = true;
    try {
      if (!this.#pglite.closed) await this.#pglite.close();
    } finally {
      this.#mutex.unlock();
    }
  }
}

/** Kysely dialect over one PGlite instance; `db.destroy()` closes that instance. */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(config: { pglite: PGlite }) {
    this.#pglite = config.pglite;
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
