/**
 * The import contract (spec: data-format.md § Rules for bad input): located errors, all or
 * nothing, explicit skipping, idempotent upserts by key — on PGlite and PostgreSQL alike.
 */
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.ts";
import { AppError } from "../../src/app/errors.ts";
import type { Database } from "../../src/db/schema.ts";
import type { TestDatabase } from "../support/databases.ts";
import { testDatabaseKinds } from "../support/databases.ts";
import { asNdjson, BASE, type Doc, goodUpdate } from "../support/import-documents.ts";
import {
  contextAt,
  countRows,
  importText,
  ndjson,
  openMigratedDatabase,
  resetData,
  rowVersions,
} from "../support/portal.ts";

interface Rejection {
  readonly name: string;
  readonly text: () => string;
  readonly location: string;
  readonly field: string;
  readonly batchSize?: number;
}

function breaking(name: string, location: string, field: string, edit: (doc: Doc) => void): Rejection {
  return {
    name,
    location,
    field,
    text: () => {
      const doc = goodUpdate();
      edit(doc);
      return JSON.stringify(doc);
    },
  };
}

const at = (doc: Doc, array: string, index: number) => doc[array]?.[index] as Record<string, unknown>;

const REJECTIONS: Rejection[] = [
  breaking("a missing required field", "companies[1]", "name", (d) => {
    delete at(d, "companies", 1).name;
  }),
  breaking("a mistyped field", "usage[0]", "used", (d) => {
    at(d, "usage", 0).used = "4";
  }),
  breaking("an unknown enum value", "scanners[0]", "status", (d) => {
    at(d, "scanners", 0).status = "sleeping";
  }),
  breaking("an end date before the start date", "orders[0]", "endDate", (d) => {
    at(d, "orders", 0).endDate = "2026-01-31";
  }),
  breaking("a negative quantity", "orders[0]", "lines.0.quantity", (d) => {
    at(d, "orders", 0).lines = [{ product: "DA", quantity: -5 }];
  }),
  breaking("a reference to an unknown partnership", "companies[1]", "partnershipId", (d) => {
    at(d, "companies", 1).partnershipId = "no-such-partnership";
  }),
  breaking("a reference to an unknown company", "scans[0]", "companyId", (d) => {
    at(d, "scans", 0).companyId = "no-such-company";
  }),
  breaking("an unknown top-level key", "customers", "", (d) => {
    d.customers = [];
  }),
  {
    name: "an NDJSON line that is not JSON",
    location: "line 3",
    field: "",
    text: () => {
      const lines = ndjson(asNdjson(goodUpdate())).split("\n");
      lines[2] = '{"kind":"company","id":';
      return lines.join("\n");
    },
  },
  {
    // Batches of one: the good records before the bad last line were already written in the
    // transaction, so only a rollback can keep the store unchanged.
    name: "an invalid last NDJSON line after flushed batches",
    location: "line 10",
    field: "product",
    batchSize: 1,
    text: () =>
      `${ndjson(asNdjson(goodUpdate()))}${JSON.stringify({ kind: "scan", ...BASE.scans?.[0], product: "DA" })}\n`,
  },
];

describe.each(testDatabaseKinds())("import on %s", (kind) => {
  let database: TestDatabase<Database>;
  let db: Kysely<Database>;
  let ctx: AppContext;

  beforeAll(async () => {
    database = await openMigratedDatabase(kind);
    db = database.db;
    ctx = contextAt(db, "2026-03-10T10:00:00Z");
    await importText(ctx, JSON.stringify(BASE));
  });
  afterAll(() => database?.close());

  it("accepts the unbroken update file (so each rejection below is caused by its one change)", async () => {
    const summary = await importText(ctx, JSON.stringify(goodUpdate()), { skipInvalid: true });
    expect(summary.skipped).toEqual([]);
    await resetData(db);
    await importText(ctx, JSON.stringify(BASE));
  });

  it.each(REJECTIONS)(
    "rejects $name with IMPORT_INVALID_RECORD naming $location and writes nothing",
    async (c) => {
      const countsBefore = await countRows(db);
      const versionsBefore = await rowVersions(db);
      const attempt = importText(ctx, c.text(), c.batchSize ? { batchSize: c.batchSize } : {});
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("IMPORT_INVALID_RECORD");
      const details = appError.details as { errorCount: number; errors: Record<string, unknown>[] };
      expect(details.errors).toContainEqual(
        expect.objectContaining({ location: c.location, field: c.field, expected: expect.any(String) }),
      );
      expect(details.errorCount).toBe(details.errors.length);
      expect(appError.message).toContain(c.location);
      expect(await countRows(db)).toEqual(countsBefore);
      expect(await rowVersions(db)).toEqual(versionsBefore);
      const globex = await db
        .selectFrom("companies")
        .select("name")
        .where("id", "=", "globex")
        .executeTakeFirst();
      expect(globex?.name).toBe("Globex Corporation");
    },
  );

  it("with skipInvalid imports the good records and lists every skipped one, children of a bad company too", async () => {
    await resetData(db);
    await importText(ctx, JSON.stringify(BASE));
    const file: Doc = {
      companies: [
        { id: "initech", partnershipId: "nordsec-resale", name: "Initech" },
        { id: "bad-co", partnershipId: "nordsec-resale" },
      ],
      orders: [
        {
          orderNumber: "SO-2001",
          companyId: "initech",
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          lines: [{ product: "SNS", quantity: 5 }],
        },
        {
          orderNumber: "SO-2002",
          companyId: "bad-co",
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          lines: [{ product: "SNS", quantity: 5 }],
        },
      ],
      usage: [
        { companyId: "initech", product: "SNS", used: 3, measuredAt: "2026-03-01T00:00:00Z" },
        { companyId: "initech", product: "SNS", used: -1, measuredAt: "2026-03-02T00:00:00Z" },
      ],
    };
    const summary = await importText(ctx, JSON.stringify(file), { skipInvalid: true });
    // Reference errors are found when a batch is flushed, after the shape errors: compare as a set.
    expect(summary.skipped.map((e) => [e.location, e.field]).sort()).toEqual([
      ["companies[1]", "name"],
      ["orders[1]", "companyId"],
      ["usage[1]", "used"],
    ]);
    expect(summary.counts.company).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(summary.counts.order).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(summary.counts.usage).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const companies = await db.selectFrom("companies").select("id").orderBy("id").execute();
    expect(companies.map((c) => c.id)).toEqual(["globex", "initech"]);
    const orders = await db.selectFrom("orders").select("order_number").orderBy("order_number").execute();
    expect(orders.map((o) => o.order_number)).toEqual(["SO-1001", "SO-2001"]);
    expect((await countRows(db)).usage).toBe(2);
  });

  it("re-importing the same file counts every record unchanged and writes no row", async () => {
    await resetData(db);
    const first = await importText(ctx, JSON.stringify(BASE));
    expect(first.counts.order).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const versions = await rowVersions(db);
    for (const text of [JSON.stringify(BASE), ndjson(asNdjson(BASE))]) {
      const again = await importText(ctx, text);
      for (const counts of Object.values(again.counts)) {
        expect(counts.inserted + counts.updated).toBe(0);
      }
      expect(Object.values(again.counts).reduce((n, c) => n + c.unchanged, 0)).toBe(8);
      expect(await rowVersions(db)).toEqual(versions);
    }
  });

  it("changing one field of one record counts exactly one update", async () => {
    await resetData(db);
    await importText(ctx, JSON.stringify(BASE));
    const changed: Doc = { ...BASE, usage: [{ ...BASE.usage?.[0], used: 240 }] };
    const summary = await importText(ctx, JSON.stringify(changed));
    const totals = Object.values(summary.counts).reduce(
      (sum, c) => ({ inserted: sum.inserted + c.inserted, updated: sum.updated + c.updated }),
      { inserted: 0, updated: 0 },
    );
    expect(totals).toEqual({ inserted: 0, updated: 1 });
    expect(summary.counts.usage).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const usage = await db.selectFrom("usage").select("used").executeTakeFirst();
    expect(usage?.used).toBe(240);
  });

  it("accepts a reference to a company stored by an earlier import", async () => {
    await resetData(db);
    const { partners, partnerships, companies } = BASE;
    await importText(ctx, JSON.stringify({ partners, partnerships, companies }));
    const later = await importText(ctx, ndjson([{ kind: "order", ...BASE.orders?.[0] }]));
    expect(later.counts.order.inserted).toBe(1);
    const order = await db.selectFrom("orders").selectAll().executeTakeFirst();
    expect(order).toMatchObject({ company_id: "globex", partner_id: "nordsec" });
  });

  it("applies the later of two records with the same key in one file (JSON and NDJSON)", async () => {
    await resetData(db);
    const twice: Doc = {
      ...BASE,
      companies: [
        { id: "globex", partnershipId: "nordsec-resale", name: "First name" },
        { id: "globex", partnershipId: "nordsec-resale", name: "Second name", tags: ["vip"] },
      ],
    };
    await importText(ctx, JSON.stringify(twice));
    const stored = () => db.selectFrom("companies").select(["name", "tags"]).executeTakeFirst();
    expect(await stored()).toEqual({ name: "Second name", tags: ["vip"] });
    const lines = [
      { kind: "company", id: "globex", partnershipId: "nordsec-resale", name: "Third name" },
      { kind: "company", id: "globex", partnershipId: "nordsec-resale", name: "Fourth name" },
    ];
    await importText(ctx, ndjson(lines));
    expect(await stored()).toEqual({ name: "Fourth name", tags: [] });
    expect((await countRows(db)).companies).toBe(1);
  });
});
