/**
 * Both drivers behind openDatabase must look identical to the layers above: same types, same
 * affected-row counts, same transaction and streaming behaviour.
 */
import { isAbortedTransactionError, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUniqueViolation } from "../../src/db/connection.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/databases.ts";

interface TestSchema {
  typed: {
    id: number;
    d: string | null;
    tz: string | Date | null;
    ts: string | null;
    big: number | null;
    amount: number | null;
    doc: unknown;
    days: string[] | null;
  };
  items: { id: number; name: string; qty: number };
}

const SCHEMA = [
  `create table typed (id int primary key, d date, tz timestamptz, ts timestamp, big int8,
     amount numeric, doc jsonb, days date[])`,
  "create table items (id int primary key, name text not null unique, qty int not null)",
];

describe.each(testDatabaseKinds())("openDatabase on %s", (kind) => {
  let database: TestDatabase<TestSchema>;
  let db: Kysely<TestSchema>;

  beforeAll(async () => {
    database = await createTestDatabase<TestSchema>(kind);
    db = database.db;
    for (const statement of SCHEMA) await sql.raw(statement).execute(db);
  });
  afterAll(() => database?.close());

  it("maps date, timestamps, int8, numeric and jsonb the same way", async () => {
    const doc = { a: [1, "x"], b: null, nested: { ok: true } };
    await db
      .insertInto("typed")
      .values({
        id: 1,
        d: "2024-02-29",
        tz: "2024-02-29T23:30:00.123+02:00",
        ts: "2024-02-29 10:11:12.5",
        big: 9007199254740991,
        amount: 1234.5,
        doc: JSON.stringify(doc),
        days: ["2024-01-31", "2024-12-01"],
      })
      .execute();
    const row = await db.selectFrom("typed").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
    expect(row).toEqual({
      id: 1,
      d: "2024-02-29",
      tz: "2024-02-29T21:30:00.123Z",
      ts: "2024-02-29T10:11:12.500Z",
      big: 9007199254740991,
      amount: 1234.5,
      doc,
      days: ["2024-01-31", "2024-12-01"],
    });
  });

  it("maps expressions, nulls, arrays and aggregates", async () => {
    const { rows } = await sql<Record<string, unknown>>`select
        ${new Date("2030-01-02T03:04:05.678Z")}::timestamptz as from_date,
        '2024-06-30 23:59:59.999999-05:30'::timestamptz as offset_tz,
        null::date as no_date, null::jsonb as no_doc, '{"k":[1,2]}'::json as plain_json,
        'infinity'::timestamptz as forever, (select count(*) from typed) as counted,
        0.1::numeric + 0.2::numeric as decimal_sum, array[1::int8, null] as bigs,
        array['{"a":1}'::jsonb] as docs, array['2024-01-01 00:00:00+05'::timestamptz] as stamps`.execute(db);
    expect(rows[0]).toEqual({
      from_date: "2030-01-02T03:04:05.678Z",
      offset_tz: "2024-07-01T05:29:59.999Z",
      no_date: null,
      no_doc: null,
      plain_json: { k: [1, 2] },
      forever: "infinity",
      counted: 1,
      decimal_sum: 0.3,
      bigs: [1, null],
      docs: [{ a: 1 }],
      stamps: ["2023-12-31T19:00:00.000Z"],
    });
  });

  it("refuses an int8 a JS number cannot hold exactly", async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(db)).rejects.toThrow(
      /safe JavaScript integer/,
    );
  });

  it("reports affected rows of insert, update, delete and upsert", async () => {
    const inserted = await db
      .insertInto("items")
      .values([1, 2, 3].map((id) => ({ id, name: `item-${id}`, qty: id })))
      .executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(3n);

    const updated = await db.updateTable("items").set({ qty: 10 }).where("qty", ">", 1).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const none = await db.updateTable("items").set({ qty: 0 }).where("id", "=", 99).executeTakeFirst();
    expect(none.numUpdatedRows).toBe(0n);

    const upsert = (qty: number) =>
      db
        .insertInto("items")
        .values([
          { id: 3, name: "item-3", qty },
          { id: 4, name: "item-4", qty },
        ])
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirstOrThrow();
    expect((await upsert(5)).numInsertedOrUpdatedRows).toBe(1n);
    expect((await upsert(5)).numInsertedOrUpdatedRows).toBe(0n);
    const merged = await db
      .insertInto("items")
      .values([
        { id: 4, name: "item-4", qty: 7 },
        { id: 5, name: "item-5", qty: 7 },
      ])
      .onConflict((oc) => oc.column("id").doUpdateSet({ qty: 7 }))
      .executeTakeFirstOrThrow();
    expect(merged.numInsertedOrUpdatedRows).toBe(2n);

    const deleted = await db.deleteFrom("items").where("qty", "=", 7).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
    const selected = await db.executeQuery(db.selectFrom("items").selectAll().compile());
    expect(selected.numAffectedRows).toBeUndefined();
    expect(selected.rows).toHaveLength(3);
  });

  it("commits a transaction and rolls back a failed one", async () => {
    await db.deleteFrom("items").execute();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("items").values({ id: 1, name: "kept", qty: 1 }).execute();
    });
    const failure = db.transaction().execute(async (trx) => {
      await trx.insertInto("items").values({ id: 2, name: "discarded", qty: 1 }).execute();
      throw new Error("abort on purpose");
    });
    await expect(failure).rejects.toThrow("abort on purpose");
    const names = await db.selectFrom("items").select("name").orderBy("id").execute();
    expect(names.map((r) => r.name)).toEqual(["kept"]);
  });

  it("rolls back to a savepoint inside a controlled transaction", async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto("items").values({ id: 10, name: "before", qty: 1 }).execute();
    const sp = await trx.savepoint("sp").execute();
    await sp.insertInto("items").values({ id: 11, name: "after", qty: 1 }).execute();
    await sp.rollbackToSavepoint("sp").execute();
    await trx.commit().execute();
    const ids = await db.selectFrom("items").select("id").where("id", ">=", 10).execute();
    expect(ids).toEqual([{ id: 10 }]);
  });

  it("throws AbortedTransactionError when committing after a failed statement", async () => {
    const attempt = db.transaction().execute(async (trx) => {
      await trx.insertInto("items").values({ id: 20, name: "doomed", qty: 1 }).execute();
      await sql`select 1 / 0`.execute(trx).catch(() => undefined);
    });
    await expect(attempt).rejects.toSatisfy(isAbortedTransactionError);
    expect(await db.selectFrom("items").select("id").where("id", "=", 20).execute()).toEqual([]);
  });

  it("recognises a unique violation and nothing else", async () => {
    await db.insertInto("items").values({ id: 30, name: "unique-name", qty: 1 }).execute();
    const error = await db
      .insertInto("items")
      .values({ id: 31, name: "unique-name", qty: 1 })
      .execute()
      .catch((e: unknown) => e);
    expect(isPostgresUniqueViolation(error)).toBe(true);
    const other = await sql`select 1 / 0`.execute(db).catch((e: unknown) => e);
    expect(isPostgresUniqueViolation(other)).toBe(false);
    expect(isPostgresUniqueViolation(new Error("23505"))).toBe(false);
    expect(isPostgresUniqueViolation(null)).toBe(false);
  });
});
