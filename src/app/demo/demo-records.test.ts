import { describe, expect, it } from "vitest";
import { isValidLocalDate } from "../../core/dates.ts";
import { evaluateCompany } from "../../core/evaluate.ts";
import {
  ACCOUNT_STATES,
  ORDER_STATUSES,
  PARTNERSHIP_TYPES,
  SCAN_STATUSES,
  SCANNER_STATUSES,
} from "../../core/model.ts";
import { PRODUCT_CODES, SCANNED_PRODUCTS } from "../../core/products.ts";
import { type ImportRecord, RECORD_KINDS } from "../../core/records.ts";
import { DEFAULT_RULE_SETTINGS } from "../../core/settings.ts";
import { SEVERITIES, TASK_TYPES } from "../../core/task.ts";
import { RECORD_SCHEMAS, recordKey } from "../import/record-schemas.ts";
import { companyFacts } from "./company-facts.ts";
import { type DemoOptions, demoRecords } from "./demo-records.ts";

const NOW = new Date("2026-12-04T09:00:00Z");
const TIME_ZONE = "Europe/Stockholm";
const options = (companies: number, seed = 7, now = NOW): DemoOptions => ({
  companies,
  seed,
  now,
  timeZone: TIME_ZONE,
});
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function evaluate(records: Iterable<ImportRecord>, now = NOW) {
  const context = { now, timeZone: TIME_ZONE, settings: DEFAULT_RULE_SETTINGS };
  return [...companyFacts(records)].map((facts) => evaluateCompany(facts, context));
}

describe("demoRecords", () => {
  it("is deterministic: the same options give identical JSON, another seed or instant does not", () => {
    const json = (o: DemoOptions) => JSON.stringify([...demoRecords(o)]);
    const first = json(options(120));
    expect(json(options(120))).toBe(first);
    expect(json(options(120, 8))).not.toBe(first);
    expect(json(options(120, 7, new Date("2026-12-05T09:00:00Z")))).not.toBe(first);
  });

  it("keeps company N the same however many companies follow", () => {
    const companies = (n: number) =>
      [...demoRecords(options(n))].filter((r) => r.kind === "company").map((r) => r.record);
    // The partner layout grows past 450 companies, so compare two sizes that share it.
    expect(companies(300).slice(0, 200)).toEqual(companies(200));
  });

  it("yields records in dependency order, and every reference resolves", () => {
    const seen = new Map<string, Set<string>>(RECORD_KINDS.map((kind) => [kind, new Set()]));
    const has = (kind: string, id: string) => seen.get(kind)?.has(id) ?? false;
    let lastRank = -1;
    let currentCompany = "";
    for (const item of demoRecords(options(300))) {
      const rank = RECORD_KINDS.indexOf(item.kind);
      if (item.kind === "company") {
        expect(has("partnership", item.record.partnershipId)).toBe(true);
        currentCompany = item.record.id;
        lastRank = rank;
      } else if (item.kind === "partner" || item.kind === "partnership") {
        expect(currentCompany).toBe(""); // all before the first company
        if (item.kind === "partnership") expect(has("partner", item.record.partnerId)).toBe(true);
        expect(rank).toBeGreaterThanOrEqual(lastRank);
        lastRank = rank;
      } else {
        // A company's facts follow it directly, in kind order.
        expect(item.record.companyId).toBe(currentCompany);
        expect(rank).toBeGreaterThanOrEqual(lastRank);
        lastRank = rank;
      }
      seen.get(item.kind)?.add(recordKey(item));
    }
    expect(seen.get("company")?.size).toBe(300);
  });

  it("gives every record a unique key", () => {
    const keys = new Set<string>();
    let count = 0;
    for (const item of demoRecords(options(500))) {
      keys.add(`${item.kind}:${recordKey(item)}`);
      count += 1;
    }
    expect(keys.size).toBe(count);
  });

  it("satisfies the record contract (endDate ≥ startDate, quantities ≥ 0, SNS/WAS scans, Z instants)", () => {
    const problems = [...demoRecords(options(400))].flatMap(problemsOf);
    expect(problems).toEqual([]);
  });

  it("passes the import schemas", () => {
    const rejected = [...demoRecords(options(200))]
      .filter((item) => !RECORD_SCHEMAS[item.kind].safeParse(JSON.parse(JSON.stringify(item.record))).success)
      .map((item) => `${item.kind} ${recordKey(item)}`);
    expect(rejected).toEqual([]);
  });

  it("starts with the demo admin's partner, holding a reseller and an MSSP partnership", () => {
    const records = [...demoRecords(options(10))];
    const partners = records.filter((r) => r.kind === "partner").map((r) => r.record);
    const partnerships = records.filter((r) => r.kind === "partnership").map((r) => r.record);
    expect(partners[0]).toEqual({ id: "nordsec", name: "Nordsec AB" });
    expect(partners).toHaveLength(4);
    expect(partnerships.filter((p) => p.partnerId === "nordsec")).toEqual([
      { id: "nordsec-resale", partnerId: "nordsec", name: "Nordsec Reseller", type: "reseller" },
      { id: "nordsec-mssp", partnerId: "nordsec", name: "Nordsec Managed", type: "mssp" },
    ]);
    const companies = records.filter((r) => r.kind === "company").map((r) => r.record);
    expect(companies.slice(0, 2).map((c) => [c.id, c.partnershipId])).toEqual([
      ["c-000001", "nordsec-resale"],
      ["c-000002", "nordsec-mssp"],
    ]);
  });

  it("scales partners with companies: ~1 per 100, with unique ids", () => {
    const partners = [...demoRecords(options(5000))].filter((r) => r.kind === "partner");
    expect(partners).toHaveLength(50);
    expect(new Set(partners.map((p) => p.record.id)).size).toBe(50);
  });

  it("averages about 20 facts per company, mostly paying, with ~2 % archived", () => {
    const records = [...demoRecords(options(2000))];
    const companies = records.filter((r) => r.kind === "company").map((r) => r.record);
    const facts = records.filter(
      (r) => r.kind !== "partner" && r.kind !== "partnership" && r.kind !== "company",
    );
    const perCompany = facts.length / 2000;
    expect(perCompany).toBeGreaterThan(15);
    expect(perCompany).toBeLessThan(26);
    const share = (state: string) => companies.filter((c) => c.accountState === state).length / 2000;
    expect(share("paying")).toBeGreaterThan(0.75);
    expect(share("archived")).toBeGreaterThan(0.005);
    expect(share("archived")).toBeLessThan(0.04);
    for (const state of ACCOUNT_STATES) expect(share(state)).toBeGreaterThan(0);
  });

  it.each([50, 200])("raises every task type and severity at %i companies, flagging 20–80 %", (n) => {
    for (const now of [NOW, new Date("2027-02-28T23:30:00Z")]) {
      const findings = evaluate(demoRecords(options(n, 7, now)), now);
      const all = findings.flat();
      expect(new Set(all.map((f) => f.type))).toEqual(new Set(TASK_TYPES));
      expect(new Set(all.map((f) => f.severity))).toEqual(new Set(SEVERITIES));
      const flagged = findings.filter((f) => f.length > 0).length / findings.length;
      expect(flagged).toBeGreaterThan(0.2);
      expect(flagged).toBeLessThan(0.8);
      // Most companies have 0–3 tasks.
      expect(findings.filter((f) => f.length <= 3).length / findings.length).toBeGreaterThan(0.9);
    }
  });

  it("is lazy: the first records of a million-company data set come at once", () => {
    const started = performance.now();
    const first: ImportRecord[] = [];
    for (const item of demoRecords(options(1_000_000))) {
      first.push(item);
      if (first.length === 10) break;
    }
    expect(first.map((r) => r.kind).slice(0, 1)).toEqual(["partner"]);
    // Generous: an eager build of 20 million records would take minutes, not seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("rejects bad options when called, not on first use", () => {
    expect(() => demoRecords({ ...options(1), companies: -1 })).toThrow(RangeError);
    expect(() => demoRecords({ ...options(1), companies: 1.5 })).toThrow(RangeError);
    expect(() => demoRecords({ ...options(1), seed: Number.NaN })).toThrow(RangeError);
    expect(() => demoRecords({ ...options(1), now: new Date("nope") })).toThrow(RangeError);
    expect(() => demoRecords({ ...options(1), timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });

  it("yields only partners and partnerships for zero companies", () => {
    const kinds = new Set([...demoRecords(options(0))].map((r) => r.kind));
    expect(kinds).toEqual(new Set(["partner", "partnership"]));
  });
});

/** Everything wrong with one record; collected rather than asserted one by one (8,000 records). */
function problemsOf(item: ImportRecord): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${item.kind} ${recordKey(item)}: ${what}`);
  };
  const checkInstant = (value: string | null, what: string) => {
    if (value === null) return;
    check(INSTANT.test(value), `${what} ${value} is not an instant ending in Z`);
    check(Date.parse(value) <= NOW.getTime(), `${what} ${value} is in the future`);
  };
  switch (item.kind) {
    case "partner":
      check(item.record.name.length > 0, "empty name");
      break;
    case "partnership":
      check(PARTNERSHIP_TYPES.includes(item.record.type), "unknown type");
      break;
    case "company":
      check(ACCOUNT_STATES.includes(item.record.accountState), "unknown account state");
      check(item.record.tags.length > 0, "no tags");
      break;
    case "order": {
      const o = item.record;
      check(isValidLocalDate(o.startDate) && isValidLocalDate(o.endDate), "bad dates");
      check(o.endDate >= o.startDate, "ends before it starts");
      check(ORDER_STATUSES.includes(o.status), "unknown status");
      check(o.lines.length > 0, "no lines");
      for (const line of o.lines) {
        check(PRODUCT_CODES.includes(line.product), `unknown product ${line.product}`);
        check(Number.isInteger(line.quantity) && line.quantity >= 0, `quantity ${line.quantity}`);
      }
      check(o.acv === null || (o.acv >= 2_000 && o.acv <= 250_000), `acv ${o.acv}`);
      check(o.currency === null || ["EUR", "SEK", "USD"].includes(o.currency), `currency ${o.currency}`);
      check((o.acv === null) === (o.currency === null), "acv without currency or the reverse");
      break;
    }
    case "usage":
      check(PRODUCT_CODES.includes(item.record.product), "unknown product");
      check(item.record.used >= 0 && Number.isInteger(item.record.used), `used ${item.record.used}`);
      checkInstant(item.record.measuredAt, "measuredAt");
      break;
    case "activity": {
      const { enabledAt, lastUsedAt } = item.record;
      checkInstant(enabledAt, "enabledAt");
      checkInstant(lastUsedAt, "lastUsedAt");
      check(!enabledAt || !lastUsedAt || lastUsedAt >= enabledAt, "used before it was enabled");
      break;
    }
    case "scanner":
      check(SCANNER_STATUSES.includes(item.record.status), "unknown status");
      checkInstant(item.record.lastSeenAt, "lastSeenAt");
      break;
    case "scan": {
      const s = item.record;
      check(SCANNED_PRODUCTS.includes(s.product), `product ${s.product}`);
      check(SCAN_STATUSES.includes(s.status), "unknown status");
      checkInstant(s.startedAt, "startedAt");
      checkInstant(s.finishedAt, "finishedAt");
      check((s.status === "running") === (s.finishedAt === null), "finishedAt does not match status");
      check(!s.finishedAt || s.finishedAt >= s.startedAt, "finished before it started");
      check(Boolean(s.target), "no target");
      break;
    }
  }
  return problems;
}
