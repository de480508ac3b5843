import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRODUCT_CODES } from "./products.ts";
import { isEmptyPlan, planReconciliation, type ReconcilePlan } from "./reconcile.ts";
import { type Finding, SEVERITIES, type Task } from "./task.ts";
import { ago, ahead, finding, HOUR, idSource, NOW, taskFrom } from "./test-fixtures.ts";

const TYPES = ["license-usage", "inactive-product"] as const;

const keyArb = fc.record({ type: fc.constantFrom(...TYPES), subject: fc.constantFrom(...PRODUCT_CODES) });

const findingArb = fc
  .record({ key: keyArb, severity: fc.constantFrom(...SEVERITIES), variant: fc.nat({ max: 2 }) })
  .map(({ key, severity, variant }) => finding({ ...key, severity, details: { variant } }));

const storedArb = fc.record({
  finding: findingArb,
  status: fc.constantFrom("open", "snoozed", "dismissed"),
  snoozedUntil: fc.constantFrom(null, ago(HOUR), NOW, ahead(HOUR)),
});

/** Stored active tasks: at most one per fingerprint, as the store guarantees. */
const activeArb = fc
  .uniqueArray(storedArb, { selector: (s) => s.finding.fingerprint, maxLength: 10 })
  .map((stored) =>
    stored.map((s, i) =>
      taskFrom(s.finding, {
        id: `old-${i}`,
        status: s.status,
        snoozedUntil: s.status === "snoozed" ? s.snoozedUntil : null,
      }),
    ),
  );

/** Findings, some fingerprints repeated (a rule bug or a merge must not duplicate tasks). */
const findingsArb = fc
  .tuple(fc.array(findingArb, { maxLength: 12 }), fc.nat({ max: 6 }))
  .map(([found, repeat]) => [...found, ...found.slice(0, repeat)]);

function plan(
  active: readonly Task[],
  findings: readonly Finding[],
  lastResolved = new Map<string, string>(),
) {
  return planReconciliation({
    partnerId: "p1",
    partnershipId: "ps-reseller",
    active,
    lastResolvedIds: lastResolved,
    findings,
    now: new Date(NOW),
    newId: idSource("new-"),
  });
}

/** The store after the plan: resolved tasks leave the active set, updates replace, openings join. */
function apply(active: readonly Task[], p: ReconcilePlan): Task[] {
  const resolved = new Set(p.resolved.map((t) => t.id));
  const updated = new Map(p.updated.map((t) => [t.id, t]));
  return [...active.filter((t) => !resolved.has(t.id)).map((t) => updated.get(t.id) ?? t), ...p.opened];
}

describe("reconciliation properties", () => {
  it("R-LIFECYCLE-8 planning again after applying a plan, same findings and instant, is empty", () => {
    fc.assert(
      fc.property(activeArb, findingsArb, (active, findings) => {
        const first = plan(active, findings);
        const stored = apply(active, first);
        const lastResolved = new Map(first.resolved.map((t) => [t.fingerprint, t.id]));
        const second = plan(stored, findings, lastResolved);
        expect(second).toEqual({ opened: [], updated: [], resolved: [], events: [] });
        expect(isEmptyPlan(second)).toBe(true);
      }),
    );
  });

  it("R-LIFECYCLE-7 no plan leaves two unresolved tasks with one fingerprint, duplicates included", () => {
    fc.assert(
      fc.property(activeArb, findingsArb, (active, findings) => {
        const p = plan(active, findings);
        const opened = p.opened.map((t) => t.fingerprint);
        expect(new Set(opened).size).toBe(opened.length);
        const stored = apply(active, p);
        const fingerprints = stored.map((t) => t.fingerprint);
        expect(new Set(fingerprints).size).toBe(fingerprints.length);
        expect(stored.every((t) => t.status !== "resolved")).toBe(true);
      }),
    );
  });

  it("R-LIFECYCLE-4 after a plan, the unresolved tasks are exactly the found fingerprints", () => {
    fc.assert(
      fc.property(activeArb, findingsArb, (active, findings) => {
        const p = plan(active, findings);
        const stored = apply(active, p);
        expect(new Set(stored.map((t) => t.fingerprint))).toEqual(
          new Set(findings.map((f) => f.fingerprint)),
        );
        const touched = [...p.updated, ...p.resolved].map((t) => t.id);
        expect(new Set(touched).size).toBe(touched.length);
      }),
    );
  });

  it("R-LIFECYCLE-2 severity changes record exactly one escalated or de-escalated event", () => {
    fc.assert(
      fc.property(activeArb, findingsArb, (active, findings) => {
        const p = plan(active, findings);
        for (const task of active) {
          const fresh = findings.find((f) => f.fingerprint === task.fingerprint);
          const kinds = p.events.filter((e) => e.taskId === task.id).map((e) => e.kind);
          const severityEvents = kinds.filter((k) => k === "escalated" || k === "de-escalated");
          expect(severityEvents.length).toBe(fresh && fresh.severity !== task.severity ? 1 : 0);
        }
      }),
    );
  });
});
