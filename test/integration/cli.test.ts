/**
 * The command line contract (spec: data-format.md § Command line contract), run in-process through
 * main() with captured output. The CLI opens its own database: a PGlite data folder, or the test
 * database's URL on PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/schema.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/databases.ts";
import { countRows, rowVersions } from "../support/portal.ts";

const AT = "2026-03-10T10:00:00Z";

/** Five tasks: a renewal, a licence overuse, an offline appliance, a failed scan, an unused product. */
const GOOD = {
  partners: [{ id: "nordsec", name: "Nordsec AB" }],
  partnerships: [
    { id: "nordsec-resale", partnerId: "nordsec", name: "Nordsec Reseller", type: "reseller" },
    { id: "nordsec-mssp", partnerId: "nordsec", name: "Nordsec Managed", type: "mssp" },
  ],
  companies: [
    { id: "globex", partnershipId: "nordsec-resale", name: "Globex Corporation" },
    { id: "initech", partnershipId: "nordsec-mssp", name: "Initech" },
  ],
  orders: [
    {
      orderNumber: "SO-1001",
      companyId: "globex",
      startDate: "2025-04-01",
      endDate: "2026-03-31",
      acv: 12000,
      currency: "EUR",
      lines: [{ product: "SNS", quantity: 100 }],
    },
  ],
  usage: [{ companyId: "globex", product: "SNS", used: 120, measuredAt: "2026-03-09T00:00:00Z" }],
  activity: [{ companyId: "initech", product: "DA", lastUsedAt: "2026-02-01T00:00:00Z" }],
  scanners: [{ id: "sa-1", companyId: "globex", name: "HQ appliance", status: "offline" }],
  scans: [
    {
      id: "scan-77",
      companyId: "globex",
      product: "SNS",
      status: "error",
      startedAt: "2026-03-09T02:00:00Z",
    },
  ],
};

/** A valid new company followed by an order that ends before it starts. */
const BAD = {
  companies: [{ id: "hooli", partnershipId: "nordsec-resale", name: "Hooli" }],
  orders: [
    {
      orderNumber: "SO-2001",
      companyId: "hooli",
      startDate: "2026-06-01",
      endDate: "2026-01-01",
      lines: [{ product: "SNS", quantity: 5 }],
    },
  ],
};

const CONTRACT_FIELDS = [
  "id",
  "fingerprint",
  "type",
  "category",
  "severity",
  "status",
  "partnershipId",
  "companyId",
  "title",
  "details",
  "openedAt",
  "updatedAt",
  "resolvedAt",
];

const CATEGORY_OF: Record<string, string> = {
  "contract-renewal": "commercial",
  "license-usage": "product-usage",
  "inactive-product": "product-usage",
  "inactive-scanners": "churn-risk",
  "sns-failed-scans": "churn-risk",
  "was-failed-scans": "churn-risk",
};

interface Outcome {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

describe.each(testDatabaseKinds())("partner-portal command line on %s", (kind) => {
  const root = mkdtempSync(join(tmpdir(), "portal-cli-"));
  const dataDir = join(root, "data");
  let database: TestDatabase<Database> | undefined;
  let env: Record<string, string>;

  async function cli(...argv: string[]): Promise<Outcome> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(argv, {
      env,
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      readStdin: async () => "",
    });
    return { code, stdout, stderr };
  }

  /** The store as the CLI left it (PGlite's folder can only be opened while no command holds it). */
  async function inspect<T>(look: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (database) return look(database.db);
    const opened = await openDatabase<Database>({ dataDir });
    try {
      return await look(opened.db);
    } finally {
      await opened.close();
    }
  }

  const file = (name: string, content: unknown) => {
    const path = join(root, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    if (kind === "postgres") {
      database = await createTestDatabase<Database>(kind);
      env = { DATABASE_URL: database.url ?? "" };
    } else env = { PORTAL_DATA: dataDir };
    const imported = await cli("import", file("good.json", GOOD));
    expect(imported).toMatchObject({ code: 0, stderr: [] });
    const scanned = await cli("scan", "--at", AT);
    expect(scanned).toMatchObject({ code: 0, stderr: [] });
    expect(scanned.stdout.join("\n")).toContain("5 opened");
  });
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("tasks --format json prints an array of tasks with the contract's field names", async () => {
    const { code, stdout, stderr } = await cli("tasks", "--format", "json");
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    const tasks = JSON.parse(stdout.join("\n")) as Record<string, unknown>[];
    expect(tasks.map((t) => t.type).sort()).toEqual([
      "contract-renewal",
      "inactive-product",
      "inactive-scanners",
      "license-usage",
      "sns-failed-scans",
    ]);
    for (const task of tasks) {
      expect(Object.keys(task)).toEqual(expect.arrayContaining(CONTRACT_FIELDS));
      expect(task).toMatchObject({
        id: expect.any(String),
        fingerprint: expect.stringContaining(String(task.type)),
        category: CATEGORY_OF[String(task.type)],
        severity: expect.stringMatching(/^(high|medium|low)$/),
        status: "open",
        partnershipId: task.companyId === "globex" ? "nordsec-resale" : "nordsec-mssp",
        title: expect.any(String),
        details: expect.any(Object),
        resolvedAt: null,
      });
      expect(Date.parse(String(task.openedAt))).toBe(Date.parse(AT));
      expect(Date.parse(String(task.updatedAt))).toBe(Date.parse(AT));
    }
    const renewal = tasks.find((t) => t.type === "contract-renewal");
    expect(renewal?.details).toMatchObject({
      orderNumber: "SO-1001",
      endDate: "2026-03-31",
      daysRemaining: 21,
    });
  });

  it("tasks --format csv starts with a header row, then one row per task", async () => {
    const { code, stdout } = await cli("tasks", "--format", "csv", "--severity", "high");
    expect(code).toBe(0);
    const lines = stdout.join("\r\n").split(/\r?\n/);
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 2)).toEqual(["id", "fingerprint"]);
    expect(header).toEqual(expect.arrayContaining(["severity", "status", "type"]));
    // High: the renewal ending in 21 days, the licence at 120 %, the failed scan, 37 days unused.
    expect(lines).toHaveLength(1 + 4);
  });

  it.each([
    ["--status", "nope"],
    ["--severity", "extreme"],
  ])("tasks %s %s exits 2 with one line on standard error", async (flag, value) => {
    const { code, stdout, stderr } = await cli("tasks", flag, value);
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).not.toContain("\n");
    expect(stderr[0]).toContain(flag);
    expect(stderr[0]).toContain(value);
  });

  it("import of a file with a bad record exits 1, names the record on one line and writes nothing", async () => {
    const before = await inspect(async (db) => ({
      counts: await countRows(db),
      versions: await rowVersions(db),
    }));
    const { code, stderr } = await cli("import", file("bad.json", BAD));
    expect(code).toBe(1);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).not.toContain("\n");
    expect(stderr[0]).toContain("orders[0]");
    expect(stderr[0]).toContain("endDate");
    const after = await inspect(async (db) => ({
      counts: await countRows(db),
      versions: await rowVersions(db),
    }));
    expect(after).toEqual(before);
  });

  it("scan --company with an unknown id fails with one line naming it", async () => {
    const { code, stderr } = await cli("scan", "--at", AT, "--company", "no-such-company");
    expect(code).not.toBe(0);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain('"no-such-company"');
  });
});
