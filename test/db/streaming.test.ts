/** Streaming uses SQL cursors on both drivers; these tests pin what callers of `.stream()` rely on. */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/databases.ts";

interface TestSchema {
  numbers: { n: number };
}

const ROWS = 250;

/** True when the statement is the first of its transaction, i.e. no stream left a BEGIN open. */
async function notInsideTransaction(db: Kysely<TestSchema>): Promise<boolean> {
  const { rows } = await sql<{
    fresh: boolean;
  }>`select transaction_timestamp() = statement_timestamp() as fresh`.execute(db);
  return rows[0]?.fresh === true;
}

describe.each(testDatabaseKinds())("stream() on %s", (kind) => {
  let database: TestDatabase<TestSchema>;
  let db: Kysely<TestSchema>;

  beforeAll(async () => {
    database = await createTestDatabase<TestSchema>(kind);
    db = database.db;
    await sql`create table numbers (n int primary key)`.execute(db);
    await sql`insert into numbers select generate_series(1, ${ROWS}::int)`.execute(db);
  });
  afterAll(() => database?.close());

  it("yields every row, in order, whatever the chunk size", async () => {
    for (const chunkSize of [1, 7, ROWS, 1000]) {
      const seen: number[] = [];
      const query = db.selectFrom("numbers").select("n").where("n", ">", 0).orderBy("n");
      for await (const row of query.stream(chunkSize)) seen.push(row.n);
      expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    }
    expect(await notInsideTransaction(db)).toBe(true);
  });

  it("leaves the connection clean when the consumer stops early", async () => {
    let taken = 0;
    for await (const _row of db.selectFrom("numbers").select("n").stream(10)) {
      taken += 1;
      if (taken === 15) break;
    }
    expect(taken).toBe(15);
    expect(await notInsideTransaction(db)).toBe(true);
    expect(await db.selectFrom("numbers").select("n").where("n", "=", 3).execute()).toEqual([{ n: 3 }]);
  });

  it("streams inside a transaction and sees its uncommitted rows", async () => {
    const seen = await db.transaction().execute(async (trx) => {
      await trx.insertInto("numbers").values({ n: 10_000 }).execute();
      const rows: number[] = [];
      for await (const row of trx.selectFrom("numbers").select("n").where("n", ">", 200).stream(16)) {
        rows.push(row.n);
      }
      // The transaction is still usable after the stream closed its cursor.
      await trx.deleteFrom("numbers").where("n", "=", 10_000).execute();
      return rows;
    });
    expect(seen).toHaveLength(ROWS - 200 + 1);
    expect(await db.selectFrom("numbers").select("n").where("n", "=", 10_000).execute()).toEqual([]);
  });

  it("surfaces a failing query and stays usable", async () => {
    const failing = async () => {
      for await (const _row of db
        .selectFrom("numbers")
        .select(sql<number>`1 / (n - 100)`.as("boom"))
        .orderBy("n")
        .stream(10)) {
        // consume
      }
    };
    await expect(failing()).rejects.toThrow(/division by zero/);
    expect(await notInsideTransaction(db)).toBe(true);
  });

  it("streams the RETURNING rows of a non-SELECT statement", async () => {
    const returned: number[] = [];
    const stream = db
      .insertInto("numbers")
      .values(Array.from({ length: 30 }, (_, i) => ({ n: 20_000 + i })))
      .returning("n")
      .stream(8);
    for await (const row of stream) returned.push(row.n);
    expect(returned).toHaveLength(30);
    await db.deleteFrom("numbers").where("n", ">=", 20_000).execute();
  });
});
