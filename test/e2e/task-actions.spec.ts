import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { apiTasks, firstTask, shownTaskIds, signIn } from "./support.ts";

test.beforeEach(async ({ page }) => signIn(page, NORDSEC_ADMIN));

test("snooze a task from its panel and find it under the snoozed tab", async ({ page }) => {
  const task = await firstTask(page, "status=open&severity=low");
  await page.goto(`/tasks?severity=low&task=${task.id}`);
  const panel = page.getByRole("complementary", { name: task.title });
  await expect(panel.getByText("Why this task")).toBeVisible();

  await panel.getByRole("button", { name: "Snooze…" }).click();
  await panel.getByText("14 days").click();
  await panel.getByLabel(/Reason/).fill("Customer is on holiday");
  await panel.getByRole("button", { name: "Snooze", exact: true }).click();

  await expect(panel.locator(".status-pill")).toHaveText("Snoozed");
  await expect(panel.locator(".timeline")).toContainText("“Customer is on holiday”");
  // The list refreshes: the task left the open tab.
  await expect.poll(() => shownTaskIds(page)).not.toContain(task.id);

  await page.getByRole("button", { name: "Close task details" }).click();
  await page.getByRole("tab", { name: "Snoozed" }).click();
  await expect(page).toHaveURL(/status=snoozed/);
  await expect(page.locator(`li[data-task-id="${task.id}"]`)).toContainText("Snoozed until");
  const snoozed = await apiTasks(page, "status=snoozed&limit=200");
  expect(snoozed.items.map((t) => t.id)).toContain(task.id);

  // And back: reopen puts it among the open tasks again.
  await page
    .locator(`li[data-task-id="${task.id}"]`)
    .getByRole("link", { name: /^Details/ })
    .click();
  await page.getByRole("complementary", { name: task.title }).getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByRole("complementary", { name: task.title }).locator(".status-pill")).toHaveText(
    "Open",
  );
});

test("dismiss needs a reason; assign and comment show in the history", async ({ page }) => {
  const task = await firstTask(page, "status=open&severity=medium");
  await page.goto(`/tasks?task=${task.id}`);
  const panel = page.getByRole("complementary", { name: task.title });

  await panel.getByRole("button", { name: "Dismiss…" }).click();
  await panel.getByRole("button", { name: "Dismiss", exact: true }).click();
  await expect(panel.getByText("Say why, so colleagues know.")).toBeVisible();
  await panel.getByRole("button", { name: "Cancel" }).click();

  await panel.getByLabel("Assign to").selectOption({ label: `${NORDSEC_ADMIN.name} (you)` });
  await panel.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(panel.getByText(`${NORDSEC_ADMIN.name} (you)`, { exact: true })).toBeVisible();

  await panel.getByLabel("Comment").fill("Called the customer, renewal in progress");
  await panel.getByRole("button", { name: "Add comment" }).click();
  await expect(panel.getByText("Called the customer, renewal in progress")).toBeVisible();
  await expect(page.locator(`li[data-task-id="${task.id}"]`)).toContainText("You");
});

test("bulk: select two tasks and assign them in one go", async ({ page }) => {
  await page.goto("/tasks?assignee=none");
  const rows = page.locator("li[data-task-id]");
  await expect(rows.first()).toBeVisible();
  const ids = (await shownTaskIds(page)).slice(0, 2);
  for (const id of ids) await page.locator(`li[data-task-id="${id}"]`).getByRole("checkbox").check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 tasks selected");
  await bar.getByLabel("Action").selectOption("assign");
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 tasks assigned.").first()).toBeVisible();
  await expect.poll(() => shownTaskIds(page)).not.toContain(ids[0]);
  const mine = await apiTasks(page, "assignee=me&limit=200");
  expect(mine.items.map((t) => t.id)).toEqual(expect.arrayContaining(ids));
});
