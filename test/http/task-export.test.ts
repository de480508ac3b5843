/**
 * GET /tasks.csv: the task list's filters, every matching row in the list's order, safe to open in a
 * spreadsheet, and never a row of another partner or of a company the caller is not assigned.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type Session, type TestPortal, twoPartners } from "../support/http-app.ts";

const HEADER = [
  "id",
  "severity",
  "status",
  "type",
  "category",
  "company",
  "title",
  "opened",
  "assignee",
  "details",
];

/** A company whose name a spreadsheet would run as a formula, with an offline scanner. */
function fixture() {
  const base = twoPartners();
  return {
    ...base,
    companies: [
      ...(base.companies ?? []),
      { id: "alpha-c5", partnershipId: "alpha-resale", name: '=HYPERLINK("http://evil.test","x")' },
    ],
    scanners: [
      ...(base.scanners ?? []),
      { id: "alpha-sa5", companyId: "alpha-c5", name: "Lab, rack 2", status: "offline", lastSeenAt: null },
    ],
  };
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

interface TaskItem {
  id: string;
  severity: string;
  status: string;
  type: string;
  category: string;
  companyName: string;
  title: string;
  openedAt: string;
  assigneeId: string | null;
  details: Record<string, unknown>;
}

describe.each(testDatabaseKinds())("GET /tasks.csv on %s", (kind) => {
  let portal: TestPortal;
  let ann: Session;
  let annId: string;

  const csv = (query: string, headers: Record<string, string> = ann.headers) =>
    portal.app.inject({ url: `/api/v1/tasks.csv${query}`, headers });
  const rowsOf = async (query: string, headers: Record<string, string> = ann.headers) => {
    const response = await csv(query, headers);
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual(HEADER);
    return rows;
  };
  const listOf = async (query: string): Promise<TaskItem[]> => {
    const separator = query ? "&" : "?";
    const response = await portal.app.inject({
      url: `/api/v1/tasks${query}${separator}limit=200`,
      headers: ann.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items;
  };

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(fixture());
    annId = await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
    await portal.addUser({
      email: "uma@alpha.test",
      name: "Uma",
      role: "user",
      partnerId: "alpha",
      companyIds: ["alpha-c1"],
    });
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    ann = await portal.signIn("ann@alpha.test");
    const renewal = await portal.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("company_id", "=", "alpha-c1")
      .where("type", "=", "contract-renewal")
      .executeTakeFirstOrThrow();
    const assigned = await portal.app.inject({
      method: "POST",
      url: `/api/v1/tasks/${renewal.id}/assign`,
      payload: { userId: annId },
      headers: ann.headers,
    });
    expect(assigned.statusCode).toBe(200);
  });
  afterAll(() => portal.close());

  it("downloads every open task of the partner as CSV, row for row as the JSON list", async () => {
    const response = await csv("");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="tasks.csv"');
    const rows = await rowsOf("");
    const items = await listOf("");
    expect(items.length).toBeGreaterThan(3);
    expect(rows).toHaveLength(items.length);
    for (const [i, item] of items.entries()) {
      const [id, severity, status, type, category, company, title, opened, assignee, details] = rows[i] ?? [];
      expect({ id, severity, status, type, category, title, opened }).toEqual({
        id: item.id,
        severity: item.severity,
        status: item.status,
        type: item.type,
        category: item.category,
        title: item.title,
        opened: item.openedAt,
      });
      expect(company?.replace(/^'/, "")).toBe(item.companyName);
      expect(assignee).toBe(item.assigneeId === annId ? "Ann" : "");
      expect(JSON.parse(details ?? "")).toEqual(item.details);
    }
    expect(rows.filter((r) => r[8] === "Ann")).toHaveLength(1);
  });

  it("applies the list's filters and sort", async () => {
    for (const query of [
      "?severity=high&sort=company",
      "?category=churn-risk,commercial&sort=oldest",
      "?status=open,resolved&type=contract-renewal",
      `?assignee=${annId}`,
      "?assignee=me",
      "?q=company%20two",
    ]) {
      const ids = (await rowsOf(query)).map((r) => r[0]);
      expect(ids, query).toEqual((await listOf(query)).map((t) => t.id));
    }
    expect(await rowsOf("?assignee=none&type=contract-renewal")).toHaveLength(1);
  });

  it("makes cells a spreadsheet would run as formulas inert", async () => {
    const rows = await rowsOf("?company=alpha-c5");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[5]).toBe(`'=HYPERLINK("http://evil.test","x")`);
    const raw = (await csv("?company=alpha-c5")).body;
    expect(raw).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
  });

  it("never exports another partner's tasks, whatever the filters ask for", async () => {
    expect(await rowsOf("?company=beta-c1")).toEqual([]);
    expect(await rowsOf("?partnership=beta-resale")).toEqual([]);
    const ignored = await rowsOf("?partner=beta");
    expect(ignored.length).toBeGreaterThan(0);
    expect(ignored.every((r) => r[0] && !r[5]?.startsWith("beta"))).toBe(true);
    const uma = await portal.signIn("uma@alpha.test");
    const own = await rowsOf("", uma.headers);
    expect(own.map((r) => r[5])).toEqual(own.map(() => "alpha Company One"));
    expect(own.length).toBeGreaterThan(0);
  });

  it("lets the vendor export one partner, and read tokens export their partner", async () => {
    const vera = await portal.signIn("vera@vendor.test");
    const beta = await rowsOf("?partner=beta", vera.headers);
    expect(beta.length).toBeGreaterThan(0);
    expect(beta.every((r) => r[5]?.startsWith("beta"))).toBe(true);
    const token = await portal.token("alpha", "read");
    const read = await rowsOf("", { authorization: `Bearer ${token}` });
    expect(read.map((r) => r[0])).toEqual((await rowsOf("")).map((r) => r[0]));
  });

  it("answers 400 for a bad filter, 401 without a caller and 403 for an ingest token", async () => {
    for (const query of ["?severity=urgent", "?sort=random", "?status=closed"]) {
      const response = await csv(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe("INVALID_ARGUMENT");
    }
    expect((await csv("", {})).statusCode).toBe(401);
    const ingest = await portal.token(null, "ingest");
    expect((await csv("", { authorization: `Bearer ${ingest}` })).statusCode).toBe(403);
  });

  it("documents the task routes in the OpenAPI document", async () => {
    const response = await portal.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      "/api/v1/tasks.csv",
      "/api/v1/tasks/{id}",
      "/api/v1/tasks/{id}/snooze",
      "/api/v1/tasks/{id}/dismiss",
      "/api/v1/tasks/{id}/assign",
      "/api/v1/tasks/{id}/comments",
      "/api/v1/tasks/{id}/reopen",
      "/api/v1/tasks/bulk",
    ]) {
      expect(paths).toContain(path);
    }
  });
});
