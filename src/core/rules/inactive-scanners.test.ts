import { describe, expect, it } from "vitest";
import type { Scanner } from "../model.ts";
import type { Finding } from "../task.ts";
import { ago, ctx, DAY, facts, HOUR, MS, only, scanner } from "../test-fixtures.ts";
import { inactiveScanners } from "./inactive-scanners.ts";

function evaluate(scanners: readonly Scanner[]): Finding[] {
  return inactiveScanners.evaluate(facts({ scanners }), ctx());
}

describe("inactive scanner appliances", () => {
  it("R-SCANNERS-1 no appliances at all raises nothing", () => {
    expect(evaluate([])).toEqual([]);
  });

  it("R-SCANNERS-1 appliances all online with fresh heartbeats raise nothing", () => {
    expect(evaluate([scanner("s1", "online", ago(HOUR)), scanner("s2", "online", ago(MS))])).toEqual([]);
  });

  it("R-SCANNERS-2 one offline appliance is medium, even with a fresh heartbeat", () => {
    const f = only(evaluate([scanner("s1", "offline", ago(MS)), scanner("s2", "online", ago(HOUR))]));
    expect(f.severity).toBe("medium");
    expect(f.ruleId).toBe("R-SCANNERS-2");
    expect(f.details).toEqual({
      inactiveCount: 1,
      totalCount: 2,
      inactiveScanners: [{ id: "s1", name: "Scanner s1", lastSeenAt: ago(MS) }],
    });
    expect(f.highlight).toEqual(["s1"]);
    expect(f.title).toBe("1 scanner appliance of 2 inactive");
  });

  it("R-SCANNERS-1 a heartbeat exactly 24 h old is still active", () => {
    expect(evaluate([scanner("s1", "online", ago(24 * HOUR))])).toEqual([]);
  });

  it("R-SCANNERS-1 a heartbeat 24 h + 1 ms old makes the appliance inactive", () => {
    const f = only(evaluate([scanner("s1", "online", ago(24 * HOUR + MS))]));
    expect(f.severity).toBe("medium");
    expect(f.details).toMatchObject({ inactiveCount: 1, totalCount: 1 });
  });

  it("R-SCANNERS-1 an online appliance that never sent a heartbeat counts as active", () => {
    expect(evaluate([scanner("s1", "online", null)])).toEqual([]);
  });

  it("R-SCANNERS-1 an offline appliance that never sent a heartbeat is inactive", () => {
    const f = only(evaluate([scanner("s1", "offline", null)]));
    expect(f.details).toMatchObject({
      inactiveScanners: [{ id: "s1", name: "Scanner s1", lastSeenAt: null }],
    });
  });

  it("R-SCANNERS-2 one task per company lists every inactive appliance, sorted by id", () => {
    const f = only(
      evaluate([
        scanner("s3", "online", ago(3 * DAY)),
        scanner("s2", "online", ago(HOUR)),
        scanner("s1", "offline", ago(HOUR)),
      ]),
    );
    expect(f.details).toMatchObject({ inactiveCount: 2, totalCount: 3 });
    expect(f.highlight).toEqual(["s1", "s3"]);
    expect(f.subject).toBe("");
    expect(f.fingerprint).toBe("inactive-scanners/c1");
    expect(f.category).toBe("churn-risk");
    expect(f.tab).toBe("churn-risk");
  });
});
