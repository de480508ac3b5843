import { expect, type Page, test } from "@playwright/test";
import type { Task } from "../../web/src/api/types.ts";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { firstTask, signIn } from "./support.ts";

const TAB_NAME = {
  commercial: "Commercial",
  "product-usage": "Product usage",
  "churn-risk": "Churn risk",
} as const;

/** Opens `task` from the task list and checks the company page: tab, highlighted cause, panel. */
async function openFromList(page: Page, task: Task): Promise<void> {
  await page.goto(`/tasks?q=${encodeURIComponent(task.companyName)}`);
  await page
    .locator(`li[data-task-id="${task.id}"]`)
    .getByRole("link", { name: task.title, exact: true })
    .click();

  await expect(page).toHaveURL(
    `/companies/${task.companyId}?tab=${task.tab}&highlight=${task.highlight.join(",")}&task=${task.id}`,
  );
  await expect(page.getByRole("heading", { level: 1, name: task.companyName })).toBeVisible();
  await expect(page.getByRole("tab", { name: TAB_NAME[task.tab] })).toHaveAttribute("aria-selected", "true");
  const highlighted = page.locator('[data-highlighted="true"]');
  await expect(highlighted).toHaveCount(task.highlight.length);
  await expect(highlighted.first()).toContainText("Cause of the task");
  await expect(highlighted.first()).toBeInViewport();
  for (const id of task.highlight) await expect(highlighted.filter({ hasText: id }).first()).toBeVisible();
  // The task panel explains it beside the cause.
  const panel = page.getByRole("complementary", { name: task.title });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Why this task")).toBeVisible();
}

test.beforeEach(async ({ page }) => signIn(page, NORDSEC_ADMIN));

test("a renewal opens the commercial tab with its order highlighted", async ({ page }) => {
  await openFromList(page, await firstTask(page, "type=contract-renewal"));
});

test("a licence task opens product usage with the product's usage bar highlighted", async ({ page }) => {
  const task = await firstTask(page, "type=license-usage");
  await openFromList(page, task);
  await expect(page.locator('[data-highlighted="true"]')).toHaveAttribute("id", `usage-${task.highlight[0]}`);
});

test("an inactive product opens product usage with its activity row highlighted", async ({ page }) => {
  const task = await firstTask(page, "type=inactive-product");
  await openFromList(page, task);
  await expect(page.locator('[data-highlighted="true"]')).toHaveAttribute(
    "id",
    `activity-${task.highlight[0]}`,
  );
});

test("failed scans open churn risk with the failed scans highlighted", async ({ page }) => {
  await openFromList(page, await firstTask(page, "type=sns-failed-scans,was-failed-scans"));
});

test("the address of a cause can be shared: opening it directly shows the same page", async ({ page }) => {
  const task = await firstTask(page, "category=churn-risk");
  await page.goto(
    `/companies/${task.companyId}?tab=${task.tab}&highlight=${task.highlight.join(",")}&task=${task.id}`,
  );
  await expect(page.getByRole("tab", { name: TAB_NAME[task.tab] })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator('[data-highlighted="true"]').first()).toBeInViewport();
});

test("company tabs follow the WAI-ARIA pattern: arrow keys move and select", async ({ page }) => {
  const task = await firstTask(page, "type=contract-renewal");
  await page.goto(`/companies/${task.companyId}`);
  const tasksTab = page.getByRole("tab", { name: /^Tasks/ });
  await expect(tasksTab).toHaveAttribute("aria-selected", "true");
  await tasksTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Commercial" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "Commercial" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText(task.highlight[0] ?? "");
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "Churn risk" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(tasksTab).toHaveAttribute("aria-selected", "true");
});

test("an MSSP company has no commercial tab", async ({ page }) => {
  const task = await firstTask(page, "type=inactive-product");
  await page.goto(`/companies/${task.companyId}`);
  await expect(page.getByRole("tab", { name: "Product usage" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Commercial" })).toHaveCount(0);
});
