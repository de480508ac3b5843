/**
 * POST /ingest: the import contract over HTTP (JSON and NDJSON, all or nothing, located errors,
 * size limit, idempotence) and the re-scan that makes reported problems tasks before the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal, twoPartners } from "../support/http-app.ts";
import { countRows, ndjson, rowVersions } from "../support/portal.ts";

const URL = "/api/v1/ingest";

const FAILED_SCAN = {
  scans: [
    {
      id: "alpha-scan-1",
      companyId: "alpha-c2",
      product: "SNS",
      status: "error",
      startedAt: "2026-12-03T02:00:00Z",
      target: "Weekly internal",
    },
  ],
};

/** A valid new company, then an order of it that ends before it starts. */
const ONE_BAD = {
  companies: [{ id: "alpha-c3", partnershipId: "alpha-resale", name: "Alpha Company Three" }],
  orders: [
    {
      orderNumber: "alpha-SO-3",
      companyId: "alpha-c3",
      startDate: "2026-06-01",
      endDate: "2026-01-01",
      lines: [{ product: "SNS", quantity: 5 }],
    },
  ],
};

describe.each(testDatabaseKinds())("POST /ingest on %s", (kind) => {
  let portal: TestPortal;
  let ingestToken: string;
  let vendor: Session;
  let admin: Session;

  const ingest = (body: string, headers: Record<string, string>, query = "") =>
    portal.app.inject({ method: "POST", url: `${URL}${query}`, payload: body, headers });
  const asIngest = (type = "application/json") => ({
    authorization: `Bearer ${ingestToken}`,
    "content-type": type,
  });
  const snapshot = async () => ({
    counts: await countRows(portal.database.db),
    versions: await rowVersions(portal.database.db),
  });

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(twoPartners());
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
    ingestToken = await portal.token(null, "ingest");
    vendor = await portal.signIn("vera@vendor.test");
    admin = await portal.signIn("ann@alpha.test");
  });
  afterAll(() => portal.close());

  it("imports JSON, and a failed scan it reports is a task when the answer comes", async () => {
    const response = await ingest(JSON.stringify(FAILED_SCAN), asIngest());
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      recordsRead: 1,
      skipped: [],
      rescan: { companiesScanned: 1, tasksOpened: 1, tasksUpdated: 0, tasksResolved: 0 },
    });
    expect(body.counts.scan).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(body.counts.order).toEqual({ inserted: 0, updated: 0, unchanged: 0 });

    const tasks = await portal.app.inject({
      url: "/api/v1/tasks?type=sns-failed-scans",
      headers: admin.headers,
    });
    expect(tasks.statusCode).toBe(200);
    const items = tasks.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      companyId: "alpha-c2",
      severity: "high",
      status: "open",
      highlight: ["alpha-scan-1"],
    });
  });

  it("is idempotent: the same request again changes nothing", async () => {
    const before = await countRows(portal.database.db);
    const response = await ingest(JSON.stringify(FAILED_SCAN), asIngest("application/json; charset=utf-8"));
    expect(response.statusCode).toBe(200);
    expect(response.json().counts.scan).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(response.json().rescan).toEqual({
      companiesScanned: 1,
      tasksOpened: 0,
      tasksUpdated: 0,
      tasksResolved: 0,
    });
    const after = await countRows(portal.database.db);
    expect({ ...after, scan_runs: 0 }).toEqual({ ...before, scan_runs: 0 });
  });

  it("imports NDJSON from the vendor's staff, located by line", async () => {
    const text = ndjson([
      { kind: "company", id: "beta-c3", partnershipId: "beta-resale", name: "Beta Company Three" },
      { kind: "scanner", id: "beta-sa-3", companyId: "beta-c3", name: "Edge", status: "offline" },
    ]);
    const response = await ingest(text, { ...vendor.headers, "content-type": "application/x-ndjson" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      recordsRead: 2,
      counts: { company: { inserted: 1 }, scanner: { inserted: 1 } },
      rescan: { companiesScanned: 1, tasksOpened: 1 },
    });
  });

  it("rejects a request with an invalid record with 422 naming it, and writes nothing", async () => {
    const before = await snapshot();
    const response = await ingest(JSON.stringify(ONE_BAD), asIngest());
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe("IMPORT_INVALID_RECORD");
    expect(error.details.errors).toEqual([
      expect.objectContaining({ location: "orders[0]", key: "alpha-SO-3", field: "endDate" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("names every bad NDJSON line", async () => {
    const before = await snapshot();
    const text = ndjson([
      { kind: "company", id: "alpha-c4", partnershipId: "alpha-resale", name: "Four" },
      { kind: "usage", companyId: "alpha-c4", product: "XYZ", used: 1, measuredAt: "2026-12-01T00:00:00Z" },
      {
        kind: "scan",
        id: "s-9",
        companyId: "nobody",
        product: "WAS",
        status: "error",
        startedAt: "2026-12-01T00:00:00Z",
      },
    ]);
    const response = await ingest(text, asIngest("application/x-ndjson"));
    expect(response.statusCode).toBe(422);
    const errors = response.json().error.details.errors as { location: string; field: string }[];
    expect(errors.map((e) => [e.location, e.field])).toEqual([
      ["line 2", "product"],
      ["line 3", "companyId"],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("with skipInvalid=true imports the good records and lists the bad ones", async () => {
    const response = await ingest(JSON.stringify(ONE_BAD), asIngest(), "?skipInvalid=true");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counts.company.inserted).toBe(1);
    expect(body.skipped).toEqual([expect.objectContaining({ location: "orders[0]", field: "endDate" })]);
  });

  it("answers 413 above the size limit, and writes nothing", async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ partners: [{ id: "big", name: "x".repeat(1_100_000) }] });
    const response = await ingest(huge, asIngest());
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 for a bad query parameter", async () => {
    const response = await ingest("{}", asIngest(), "?skipInvalid=maybe");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("INVALID_ARGUMENT");
  });

  it("answers 415 to a body that is neither JSON nor NDJSON", async () => {
    const response = await ingest(JSON.stringify(FAILED_SCAN), asIngest("text/plain"));
    expect(response.statusCode).toBe(415);
  });

  it("answers 401 without a token", async () => {
    const response = await ingest("{}", { "content-type": "application/json" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("answers 403 to a partner's token and a partner's admin", async () => {
    const read = await portal.token("alpha", "read");
    const write = await portal.token("alpha", "write");
    for (const headers of [
      { authorization: `Bearer ${read}` },
      { authorization: `Bearer ${write}` },
      admin.headers,
    ]) {
      const response = await ingest(JSON.stringify(FAILED_SCAN), {
        ...headers,
        "content-type": "application/json",
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
    }
  });
});
