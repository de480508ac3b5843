import { describe, expect, it } from "vitest";
import { compareSeverity, fingerprintOf, SEVERITIES, SEVERITY_RANK, TASK_TYPE_PARTNERSHIPS } from "./task.ts";

describe("fingerprints", () => {
  it("R-FINGERPRINT-1 is built from type, company and subject only", () => {
    expect(fingerprintOf("c1", "contract-renewal", "O-1")).toBe("contract-renewal/c1/O-1");
    expect(fingerprintOf("c1", "license-usage", "SNS")).toBe("license-usage/c1/SNS");
    expect(fingerprintOf("c1", "inactive-scanners", "")).toBe("inactive-scanners/c1");
  });

  it("R-FINGERPRINT-1 ids containing the separator cannot collide", () => {
    const a = fingerprintOf("a/b", "contract-renewal", "c");
    const b = fingerprintOf("a", "contract-renewal", "b/c");
    expect(a).not.toBe(b);
  });

  it("R-FINGERPRINT-1 differs per company, per type and per subject", () => {
    const all = [
      fingerprintOf("c1", "license-usage", "SNS"),
      fingerprintOf("c2", "license-usage", "SNS"),
      fingerprintOf("c1", "inactive-product", "SNS"),
      fingerprintOf("c1", "license-usage", "DA"),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("severity order", () => {
  it("R-LIFECYCLE-2 high outranks medium outranks low", () => {
    expect(SEVERITY_RANK.high).toBeGreaterThan(SEVERITY_RANK.medium);
    expect(SEVERITY_RANK.medium).toBeGreaterThan(SEVERITY_RANK.low);
    expect(compareSeverity("high", "low")).toBeGreaterThan(0);
    expect(compareSeverity("low", "medium")).toBeLessThan(0);
    expect(compareSeverity("medium", "medium")).toBe(0);
    expect([...SEVERITIES].sort(compareSeverity)).toEqual(["low", "medium", "high"]);
  });
});

describe("partnership table", () => {
  it("R-GATE-1 matches the spec's third column", () => {
    expect(TASK_TYPE_PARTNERSHIPS).toEqual({
      "contract-renewal": ["reseller"],
      "license-usage": ["reseller"],
      "inactive-product": ["mssp"],
      "inactive-scanners": ["reseller", "mssp"],
      "sns-failed-scans": ["reseller", "mssp"],
      "was-failed-scans": ["reseller", "mssp"],
    });
  });
});
