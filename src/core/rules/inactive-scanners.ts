/** Inactive scanner appliances (spec: tasks.md § 4; docs/rules.md R-SCANNERS-*). */
import { hoursSince } from "../dates.ts";
import type { Scanner } from "../model.ts";
import type { RuleSettings } from "../settings.ts";
import { defineRule, plural } from "./rule.ts";

/** Offline, or silent for longer than the heartbeat limit; shared with the company page. */
export function isScannerInactive(scanner: Scanner, now: Date, settings: RuleSettings): boolean {
  return (
    scanner.status === "offline" ||
    (scanner.lastSeenAt !== null && hoursSince(scanner.lastSeenAt, now) > settings.scanners.heartbeatMaxHours)
  );
}

export const inactiveScanners = defineRule({
  id: "R-SCANNERS",
  type: "inactive-scanners",
  category: "churn-risk",
  tab: "churn-risk",
  judge(facts, { now, settings }) {
    const inactive = facts.scanners
      .filter((scanner) => isScannerInactive(scanner, now, settings))
      .sort((a, b) => a.id.localeCompare(b.id));
    if (inactive.length === 0) return []; // R-SCANNERS-1
    const total = facts.scanners.length;
    return [
      {
        subject: "",
        severity: "medium",
        ruleId: "R-SCANNERS-2",
        title: `${plural(inactive.length, "scanner appliance")} of ${total} inactive`,
        details: {
          inactiveCount: inactive.length,
          totalCount: total,
          inactiveScanners: inactive.map((s) => ({ id: s.id, name: s.name, lastSeenAt: s.lastSeenAt })),
        },
        highlight: inactive.map((s) => s.id),
      },
    ];
  },
});
