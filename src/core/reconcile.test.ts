import { describe, expect, it } from "vitest";
import { isEmptyPlan, planReconciliation, type ReconcilePlan } from "./reconcile.ts";
import type { Finding, Task } from "./task.ts";
import { ago, ahead, DAY, finding, HOUR, idSource, NOW, only, taskFrom } from "./test-fixtures.ts";

interface PlanInput {
  readonly active?: readonly Task[];
  readonly findings?: readonly Finding[];
  readonly lastResolvedIds?: ReadonlyMap<string, string>;
}

function plan(input: PlanInput): ReconcilePlan {
  return planReconciliation({
    partnerId: "p1",
    partnershipId: "ps-reseller",
    active: input.active ?? [],
    lastResolvedIds: input.lastResolvedIds ?? new Map(),
    findings: input.findings ?? [],
    now: new Date(NOW),
    newId: idSource("new-"),
  });
}

const low = finding({ severity: "low", details: { usagePercent: 65 } });
const medium = finding({ severity: "medium", details: { usagePercent: 85 } });
const high = finding({ severity: "high", details: { usagePercent: 120 } });

describe("opening", () => {
  it("R-LIFECYCLE-1 a new fingerprint opens an open task with one opened event", () => {
    const p = plan({ findings: [medium] });
    const task = only(p.opened);
    expect(task).toMatchObject({
      ...medium,
      id: "new-1",
      partnerId: "p1",
      partnershipId: "ps-reseller",
      status: "open",
      snoozedUntil: null,
      assigneeId: null,
      openedAt: NOW,
      updatedAt: NOW,
      resolvedAt: null,
      previousTaskId: null,
    });
    expect(p.events).toEqual([
      {
        taskId: "new-1",
        at: NOW,
        actorId: null,
        kind: "opened",
        data: { severity: "medium", previousTaskId: null },
      },
    ]);
    expect(p.updated).toEqual([]);
    expect(p.resolved).toEqual([]);
  });

  it("R-LIFECYCLE-1 a returning condition opens a new task linked to the last resolved one", () => {
    const p = plan({ findings: [low], lastResolvedIds: new Map([[low.fingerprint, "old-7"]]) });
    expect(only(p.opened)).toMatchObject({ id: "new-1", status: "open", previousTaskId: "old-7" });
    expect(only(p.events)).toMatchObject({ kind: "opened", data: { previousTaskId: "old-7" } });
  });

  it("R-LIFECYCLE-1 a resolved task of another fingerprint is not linked", () => {
    const p = plan({ findings: [low], lastResolvedIds: new Map([["license-usage/c1/DA", "old-7"]]) });
    expect(only(p.opened).previousTaskId).toBeNull();
  });

  it("R-LIFECYCLE-1 each new fingerprint gets its own id", () => {
    const p = plan({
      findings: [low, finding({ subject: "DA" }), finding({ type: "inactive-scanners", subject: "" })],
    });
    expect(p.opened.map((t) => t.id)).toEqual(["new-1", "new-2", "new-3"]);
  });
});

describe("severity changes", () => {
  it("R-LIFECYCLE-2 a higher severity updates the task and records an escalation", () => {
    const p = plan({ active: [taskFrom(low, { id: "t1" })], findings: [high] });
    expect(only(p.updated)).toMatchObject({
      id: "t1",
      status: "open",
      severity: "high",
      details: high.details,
    });
    expect(only(p.updated).updatedAt).toBe(NOW);
    expect(p.events).toEqual([
      { taskId: "t1", at: NOW, actorId: null, kind: "escalated", data: { from: "low", to: "high" } },
    ]);
    expect(p.opened).toEqual([]);
  });

  it("R-LIFECYCLE-3 a lower severity updates the task and records a de-escalation", () => {
    const p = plan({ active: [taskFrom(high, { id: "t1" })], findings: [medium] });
    expect(only(p.updated)).toMatchObject({ id: "t1", status: "open", severity: "medium" });
    expect(only(p.events)).toMatchObject({ kind: "de-escalated", data: { from: "high", to: "medium" } });
  });

  it("R-LIFECYCLE-2 an update keeps the task's identity, assignee and opening time", () => {
    const stored = { ...taskFrom(low, { id: "t1", previousTaskId: "t0" }), assigneeId: "u1" };
    expect(only(plan({ active: [stored], findings: [high] }).updated)).toMatchObject({
      id: "t1",
      assigneeId: "u1",
      openedAt: stored.openedAt,
      previousTaskId: "t0",
    });
  });
});

describe("resolving", () => {
  it("R-LIFECYCLE-4 a task whose condition cleared is resolved", () => {
    const p = plan({ active: [taskFrom(medium, { id: "t1" })], findings: [] });
    expect(only(p.resolved)).toMatchObject({ id: "t1", status: "resolved", resolvedAt: NOW, updatedAt: NOW });
    expect(p.events).toEqual([
      { taskId: "t1", at: NOW, actorId: null, kind: "resolved", data: { from: "open", severity: "medium" } },
    ]);
  });

  it("R-LIFECYCLE-4 a snoozed task resolves when its condition clears", () => {
    const p = plan({ active: [taskFrom(low, { id: "t1", status: "snoozed", snoozedUntil: ahead(DAY) })] });
    expect(only(p.resolved).status).toBe("resolved");
    expect(only(p.events).data).toMatchObject({ from: "snoozed" });
  });

  it("R-LIFECYCLE-4 a dismissed task resolves when its condition clears", () => {
    const p = plan({ active: [taskFrom(low, { id: "t1", status: "dismissed" })] });
    expect(only(p.resolved).status).toBe("resolved");
    expect(only(p.events).data).toMatchObject({ from: "dismissed" });
  });

  it("R-LIFECYCLE-4 only the cleared fingerprint resolves", () => {
    const da = finding({ subject: "DA" });
    const p = plan({ active: [taskFrom(low, { id: "t1" }), taskFrom(da, { id: "t2" })], findings: [da] });
    expect(p.resolved.map((t) => t.id)).toEqual(["t1"]);
    expect(p.updated).toEqual([]);
  });
});

describe("snoozed and dismissed tasks", () => {
  it("R-LIFECYCLE-5 an escalation wakes a snoozed task", () => {
    const p = plan({
      active: [taskFrom(low, { id: "t1", status: "snoozed", snoozedUntil: ahead(DAY) })],
      findings: [medium],
    });
    expect(only(p.updated)).toMatchObject({
      id: "t1",
      status: "open",
      snoozedUntil: null,
      severity: "medium",
    });
    expect(p.events.map((e) => e.kind)).toEqual(["escalated", "woke"]);
    expect(p.events[1]?.data).toEqual({ from: "snoozed", reason: "escalated" });
  });

  it("R-LIFECYCLE-5 an escalation wakes a dismissed task", () => {
    const p = plan({ active: [taskFrom(medium, { id: "t1", status: "dismissed" })], findings: [high] });
    expect(only(p.updated)).toMatchObject({ status: "open", severity: "high" });
    expect(p.events.map((e) => e.kind)).toEqual(["escalated", "woke"]);
  });

  it("R-LIFECYCLE-5 a dismissed task stays dismissed on de-escalation", () => {
    const p = plan({ active: [taskFrom(high, { id: "t1", status: "dismissed" })], findings: [low] });
    expect(only(p.updated)).toMatchObject({ status: "dismissed", severity: "low" });
    expect(p.events.map((e) => e.kind)).toEqual(["de-escalated"]);
  });

  it("R-LIFECYCLE-5 a snoozed task stays snoozed on de-escalation", () => {
    const until = ahead(DAY);
    const p = plan({
      active: [taskFrom(high, { id: "t1", status: "snoozed", snoozedUntil: until })],
      findings: [low],
    });
    expect(only(p.updated)).toMatchObject({ status: "snoozed", snoozedUntil: until, severity: "low" });
  });

  it("R-LIFECYCLE-5 a dismissed task with an unchanged condition stays dismissed, nothing planned", () => {
    expect(
      isEmptyPlan(
        plan({ active: [taskFrom(medium, { id: "t1", status: "dismissed" })], findings: [medium] }),
      ),
    ).toBe(true);
  });

  it("R-LIFECYCLE-6 a snooze whose date has passed wakes at the next scan", () => {
    const p = plan({
      active: [taskFrom(low, { id: "t1", status: "snoozed", snoozedUntil: ago(HOUR) })],
      findings: [low],
    });
    expect(only(p.updated)).toMatchObject({ id: "t1", status: "open", snoozedUntil: null });
    expect(only(p.events)).toMatchObject({ kind: "woke", data: { from: "snoozed", reason: "snooze-ended" } });
  });

  it("R-LIFECYCLE-6 a snooze ending exactly now wakes", () => {
    const p = plan({
      active: [taskFrom(low, { id: "t1", status: "snoozed", snoozedUntil: NOW })],
      findings: [low],
    });
    expect(only(p.updated).status).toBe("open");
  });

  it("R-LIFECYCLE-6 a snooze still running keeps the task snoozed, nothing planned", () => {
    const p = plan({
      active: [taskFrom(low, { id: "t1", status: "snoozed", snoozedUntil: ahead(1) })],
      findings: [low],
    });
    expect(isEmptyPlan(p)).toBe(true);
  });

  it("R-LIFECYCLE-6 an expired snooze and a de-escalation: de-escalated, then woke", () => {
    const p = plan({
      active: [taskFrom(high, { id: "t1", status: "snoozed", snoozedUntil: ago(DAY) })],
      findings: [low],
    });
    expect(p.events.map((e) => e.kind)).toEqual(["de-escalated", "woke"]);
    expect(only(p.updated)).toMatchObject({ status: "open", severity: "low" });
  });
});

describe("one task per fingerprint, and stability", () => {
  it("R-LIFECYCLE-7 duplicate findings open one task", () => {
    const p = plan({ findings: [medium, { ...medium }, high] });
    expect(only(p.opened)).toMatchObject({ severity: "medium" });
    expect(only(p.events).kind).toBe("opened");
  });

  it("R-LIFECYCLE-7 a finding for a stored fingerprint never opens a second task", () => {
    const p = plan({ active: [taskFrom(low, { id: "t1", status: "dismissed" })], findings: [low, high] });
    expect(p.opened).toEqual([]);
  });

  it("R-LIFECYCLE-8 the same facts give an empty plan", () => {
    const active = [
      taskFrom(low, { id: "t1" }),
      taskFrom(finding({ subject: "DA", severity: "high" }), { id: "t2" }),
    ];
    const p = plan({ active, findings: [low, finding({ subject: "DA", severity: "high" })] });
    expect(isEmptyPlan(p)).toBe(true);
  });

  it("R-LIFECYCLE-8 details stored with their keys reordered still give an empty plan", () => {
    const fresh = finding({ details: { orderNumber: "O-1", daysRemaining: 40, expired: false } });
    const stored = taskFrom(
      { ...fresh, details: { expired: false, daysRemaining: 40, orderNumber: "O-1" } },
      { id: "t1" },
    );
    expect(isEmptyPlan(plan({ active: [stored], findings: [fresh] }))).toBe(true);
  });

  it("R-LIFECYCLE-8 a details-only change (daysRemaining ticks) updates the task with no event", () => {
    const yesterday = finding({ type: "contract-renewal", subject: "O-1", details: { daysRemaining: 41 } });
    const today = { ...yesterday, details: { daysRemaining: 40 } };
    const p = plan({ active: [taskFrom(yesterday, { id: "t1" })], findings: [today] });
    expect(only(p.updated)).toMatchObject({
      id: "t1",
      details: { daysRemaining: 40 },
      status: "open",
      updatedAt: NOW,
    });
    expect(p.events).toEqual([]);
    expect(isEmptyPlan(p)).toBe(false);
  });

  it("R-LIFECYCLE-8 a changed title or highlight updates the task with no event", () => {
    const stored = taskFrom(low, { id: "t1" });
    expect(only(plan({ active: [stored], findings: [{ ...low, title: "new" }] }).updated).title).toBe("new");
    expect(plan({ active: [stored], findings: [{ ...low, highlight: ["x"] }] }).events).toEqual([]);
  });

  it("R-LIFECYCLE-8 no stored tasks and no findings give an empty plan", () => {
    expect(isEmptyPlan(plan({}))).toBe(true);
  });
});
