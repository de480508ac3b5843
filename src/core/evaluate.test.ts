import { describe, expect, it } from "vitest";
import { evaluateCompany } from "./evaluate.ts";
import { ACCOUNT_STATES, type AccountState, type PartnershipType } from "./model.ts";
import { RULES, ruleFor } from "./rules/registry.ts";
import { TASK_TYPES } from "./task.ts";
import { activity, ago, ctx, DAY, facts, HOUR, order, scan, scanner, usage } from "./test-fixtures.ts";

/** A company whose records trip every one of the six rules. */
function troubled(partnership: PartnershipType, accountState: AccountState = "paying") {
  return facts({
    partnership,
    accountState,
    orders: [order("O-1", { startDate: "2025-04-01", endDate: "2026-03-31", lines: { SNS: 100 } })],
    usage: [usage("SNS", 120)],
    activity: [activity("DA", { enabledAt: ago(90 * DAY), lastUsedAt: ago(40 * DAY) })],
    scanners: [scanner("s1", "offline", ago(3 * DAY))],
    scans: [scan("x1", "SNS", "error", ago(DAY)), scan("w1", "WAS", "error", ago(HOUR), "https://a.test")],
  });
}

function typesOf(partnership: PartnershipType, accountState?: AccountState): string[] {
  return evaluateCompany(troubled(partnership, accountState), ctx())
    .map((f) => f.type)
    .sort();
}

describe("evaluateCompany gating", () => {
  it("R-GATE-1 a reseller company gets renewal, usage, scanners and failed scans, not inactivity", () => {
    expect(typesOf("reseller")).toEqual([
      "contract-renewal",
      "inactive-scanners",
      "license-usage",
      "sns-failed-scans",
      "was-failed-scans",
    ]);
  });

  it("R-GATE-1 an MSSP company gets inactivity, scanners and failed scans, not renewal or usage", () => {
    expect(typesOf("mssp")).toEqual([
      "inactive-product",
      "inactive-scanners",
      "sns-failed-scans",
      "was-failed-scans",
    ]);
  });

  it("R-GATE-1 each rule declares the partnership kinds of the spec's third column", () => {
    expect(ruleFor("contract-renewal").partnerships).toEqual(["reseller"]);
    expect(ruleFor("license-usage").partnerships).toEqual(["reseller"]);
    expect(ruleFor("inactive-product").partnerships).toEqual(["mssp"]);
    for (const type of ["inactive-scanners", "sns-failed-scans", "was-failed-scans"] as const) {
      expect([...ruleFor(type).partnerships].sort()).toEqual(["mssp", "reseller"]);
    }
  });

  it("R-GATE-1 the registry holds exactly one rule per task type", () => {
    expect(RULES.map((r) => r.type).sort()).toEqual([...TASK_TYPES].sort());
    for (const type of TASK_TYPES) expect(ruleFor(type).type).toBe(type);
  });

  it("R-GATE-2 an archived company raises nothing, for either kind of partnership", () => {
    expect(evaluateCompany(troubled("reseller", "archived"), ctx())).toEqual([]);
    expect(evaluateCompany(troubled("mssp", "archived"), ctx())).toEqual([]);
  });

  it("R-GATE-2 every other account state raises tasks", () => {
    for (const state of ACCOUNT_STATES.filter((s) => s !== "archived")) {
      expect(typesOf("reseller", state), state).toHaveLength(5);
    }
  });

  it("R-GATE-1 a company with no records raises nothing", () => {
    expect(evaluateCompany(facts(), ctx())).toEqual([]);
    expect(evaluateCompany(facts({ partnership: "mssp" }), ctx())).toEqual([]);
  });
});

describe("findings", () => {
  it("R-GATE-1 each finding carries the category and tab of its type", () => {
    const expected = {
      "contract-renewal": ["commercial", "commercial"],
      "license-usage": ["product-usage", "product-usage"],
      "inactive-product": ["product-usage", "product-usage"],
      "inactive-scanners": ["churn-risk", "churn-risk"],
      "sns-failed-scans": ["churn-risk", "churn-risk"],
      "was-failed-scans": ["churn-risk", "churn-risk"],
    } as const;
    const all = [
      ...evaluateCompany(troubled("reseller"), ctx()),
      ...evaluateCompany(troubled("mssp"), ctx()),
    ];
    for (const f of all) {
      expect([f.category, f.tab], f.type).toEqual(expected[f.type]);
      expect(f.companyId).toBe("c1");
      expect(f.ruleId.startsWith(ruleFor(f.type).id), f.ruleId).toBe(true);
    }
  });

  it("R-FINGERPRINT-1 fingerprints do not change when severities and details change", () => {
    const worse = troubled("reseller");
    const milder = {
      ...worse,
      orders: [order("O-1", { startDate: "2025-08-01", endDate: "2026-07-31", lines: { SNS: 100 } })],
      usage: [usage("SNS", 70)],
      scanners: [...worse.scanners, scanner("s2", "offline", null)],
      scans: [...worse.scans, scan("x2", "SNS", "error", ago(2 * HOUR), "10.1.0.0/16")],
    };
    const a = evaluateCompany(worse, ctx());
    const b = evaluateCompany(milder, ctx());
    expect(a.map((f) => f.fingerprint).sort()).toEqual(b.map((f) => f.fingerprint).sort());
    expect(a.map((f) => f.severity)).not.toEqual(b.map((f) => f.severity));
    expect(a.map((f) => f.details)).not.toEqual(b.map((f) => f.details));
  });

  it("R-FINGERPRINT-1 the same facts and instant always give the same findings (rules are pure)", () => {
    const company = troubled("reseller");
    expect(evaluateCompany(company, ctx())).toEqual(evaluateCompany(company, ctx()));
  });

  it("R-FINGERPRINT-1 fingerprints are unique within one company's findings", () => {
    const found = evaluateCompany(troubled("reseller"), ctx());
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(found.length);
  });
});
