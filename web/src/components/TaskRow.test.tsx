import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TaskType } from "../../../src/core/task.ts";
import type { Task } from "../api/types.ts";
import { TaskRow } from "./TaskRow.tsx";

const NOW = new Date("2026-12-04T09:00:00Z");

function task(type: TaskType, details: Record<string, unknown>, overrides: Partial<Task> = {}): Task {
  return {
    id: "t-1",
    fingerprint: `${type}/c-1`,
    type,
    category: "commercial",
    severity: "high",
    status: "open",
    partnershipId: "p-1",
    companyId: "c-1",
    companyName: "Acme Logistics",
    title: "A task title",
    details,
    openedAt: "2026-11-24T08:00:00Z",
    updatedAt: "2026-11-24T08:00:00Z",
    resolvedAt: null,
    snoozedUntil: null,
    assigneeId: null,
    previousTaskId: null,
    tab: "commercial",
    highlight: ["SO-1"],
    ...overrides,
  };
}

function renderRow(t: Task, props: Partial<Parameters<typeof TaskRow>[0]> = {}) {
  render(
    <ul>
      <TaskRow task={t} assignee={null} now={NOW} {...props} />
    </ul>,
  );
  const details = screen.queryByRole("list", { name: "Key details" });
  return details
    ? within(details)
        .getAllByRole("listitem")
        .map((item) => item.textContent)
    : [];
}

describe("TaskRow", () => {
  afterEach(cleanup);

  it("shows severity in words, title, company, age and assignee", () => {
    renderRow(task("contract-renewal", { daysRemaining: 16, endDate: "2026-12-20" }), {
      assignee: "Maja Berg",
    });
    const row = screen.getByRole("listitem", { name: "A task title" });
    expect(within(row).getByText("High")).toBeTruthy();
    expect(within(row).getByRole("link", { name: "Acme Logistics" }).getAttribute("href")).toBe(
      "/companies/c-1",
    );
    expect(within(row).getByText("10 days")).toBeTruthy();
    expect(within(row).getByText("Maja Berg")).toBeTruthy();
  });

  it("links the title to the company tab that shows the cause, with the records highlighted", () => {
    renderRow(task("license-usage", {}, { tab: "product-usage", highlight: ["SNS"] }));
    expect(screen.getByRole("link", { name: "A task title" }).getAttribute("href")).toBe(
      "/companies/c-1?tab=product-usage&highlight=SNS&task=t-1",
    );
  });

  it("renewal: days left, end date and ACV", () => {
    expect(
      renderRow(
        task("contract-renewal", { daysRemaining: 16, endDate: "2026-12-20", acv: 12000, currency: "EUR" }),
      ),
    ).toEqual(["16 days left", "ends 20 Dec 2026", "ACV €12,000"]);
  });

  it("renewal that has ended: days since", () => {
    expect(renderRow(task("contract-renewal", { daysRemaining: -3, endDate: "2026-12-01" }))[0]).toBe(
      "ended 3 days ago",
    );
  });

  it("licence usage: percentage, used of licensed, overrun", () => {
    expect(
      renderRow(task("license-usage", { usagePercent: 122.3, used: 367, licensed: 300, overBy: 67 })),
    ).toEqual(["122.3 % used", "367 of 300", "67 over"]);
  });

  it("inactive product: days inactive and last use (or never)", () => {
    expect(
      renderRow(task("inactive-product", { daysInactive: 49, lastUsedAt: "2026-10-16T10:00:00Z" })),
    ).toEqual(["49 days inactive", "last used 16 Oct 2026"]);
    cleanup();
    expect(renderRow(task("inactive-product", { daysInactive: 1, lastUsedAt: null }))).toEqual([
      "1 day inactive",
      "never used",
    ]);
  });

  it("inactive scanners: how many of how many", () => {
    expect(renderRow(task("inactive-scanners", { inactiveCount: 2, totalCount: 5 }))).toEqual([
      "2 of 5 scanners inactive",
    ]);
  });

  it("failed scans: count and date of the latest", () => {
    expect(renderRow(task("sns-failed-scans", { failedScanCount: 3, scanDate: "2026-12-03" }))).toEqual([
      "3 failed scans",
      "latest 3 Dec 2026",
    ]);
    cleanup();
    expect(renderRow(task("was-failed-scans", { failedScanCount: 1, scanDate: "2026-12-04" }))).toEqual([
      "1 failed scan",
      "latest 4 Dec 2026",
    ]);
  });

  it("says unassigned, and the snoozed state with its date", () => {
    renderRow(
      task(
        "inactive-scanners",
        { inactiveCount: 1, totalCount: 1 },
        { status: "snoozed", snoozedUntil: "2026-12-11" },
      ),
    );
    expect(screen.getByText("Unassigned")).toBeTruthy();
    expect(screen.getByText("Snoozed until 11 Dec 2026")).toBeTruthy();
  });

  it("offers a labelled checkbox for selection", () => {
    const onSelect = vi.fn();
    renderRow(task("inactive-scanners", {}), { onSelect, selected: false });
    fireEvent.click(screen.getByRole("checkbox", { name: "Select: A task title, Acme Logistics" }));
    expect(onSelect).toHaveBeenCalledWith("t-1", true);
  });
});
