/**
 * PGlite is one session shared by every Kysely connection: these tests prove the dialect hands it
 * to one caller at a time, so concurrent transactions neither interleave nor lose writes.
 */
import { type Generated, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";

interface TestSchema {
  counter: { id: number; value: number };
  log: { id: Generated<number>; label: string };
}

describe("PGliteDialect serialisation", () => {
  let database: TestDatabase<TestSchema>;
  let db: Kysely<TestSchema>;

  beforeAll(async () => {
    database = await createTestDatabase<TestSchema>("pglite");
    db = database.db;
    await sql`create table counter (id int primary key, value int not null)`.execute(db);
    await sql`create table log (id serial primary key, label text not null)`.execute(db);
  });
  afterAll(() => database?.close());

  it("runs 2 × 50 concurrent read-then-increment transactions without losing a write or interleaving", async () => {
    await db.insertInto("counter").values({ id: 1, value: 0 }).execute();
    let active = 0;
    let maxActive = 0;
    const increment = (label: string) =>
      db.transaction().execute(async (trx) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await trx.insertInto("log").values({ label }).execute();
        const { value } = await trx
          .selectFrom("counter")
          .select("value")
          .where("id", "=", 1)
          .executeTakeFirstOrThrow();
        // Give the other side every chance to run between our read and our write.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await trx
          .updateTable("counter")
          .set({ value: value + 1 })
          .where("id", "=", 1)
          .execute();
        await trx.insertInto("log").values({ label }).execute();
        active -= 1;
      });
    const side = (name: string) => Array.from({ length: 50 }, (_, i) => increment(`${name}-${i}`));
    await Promise.all([...side("A"), ...side("B")]);

    const { value } = await db.selectFrom("counter").select("value").executeTakeFirstOrThrow();
    expect(value).toBe(100);
    expect(maxActive).toBe(1);
    // The log, in the order PostgreSQL wrote it, must hold each transaction's two rows back to back.
    const labels = (await db.selectFrom("log").select("label").orderBy("id").execute()).map((r) => r.label);
    expect(labels).toHaveLength(200);
    for (let i = 0; i < labels.length; i += 2) expect(labels[i + 1]).toBe(labels[i]);
  });

  it("makes a plain query wait for a running transaction instead of joining it", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await trx.updateTable("counter").set({ value: -1 }).where("id", "=", 1).execute();
      await gate;
      throw new Error("roll back on purpose");
    });
    // Let the transaction take the connection before the plain query queues behind it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    let readSettled = false;
    const read = db
      .selectFrom("counter")
      .select("value")
      .executeTakeFirstOrThrow()
      .finally(() => {
        readSettled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readSettled).toBe(false);
    release();
    await expect(transaction).rejects.toThrow("roll back on purpose");
    // Had the read slipped into the transaction it would have seen -1.
    expect((await read).value).toBe(100);
  });

  it("runs parameterless multi-statement SQL like pg's simple protocol does", async () => {
    await sql.raw("create table multi (x int); insert into multi values (1), (2)").execute(db);
    const { rows } = await sql<{ total: number }>`select sum(x)::int as total from multi`.execute(db);
    expect(rows).toEqual([{ total: 3 }]);
  });
});

describe("PGliteDialect destroy", () => {
  it("waits for the running transaction, then closes PGlite and refuses further work", async () => {
    const { db, close } = await openDatabase<TestSchema>({});
    await sql`create table counter (id int primary key, value int not null)`.execute(db);
    let committed = false;
    const transaction = db.transaction().execute(async (trx) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      await trx.insertInto("counter").values({ id: 1, value: 1 }).execute();
      committed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await close();
    await transaction;
    expect(committed).toBe(true);
    await expect(db.selectFrom("counter").selectAll().execute()).rejects.toThrow();
  });
});
