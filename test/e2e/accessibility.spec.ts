import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { expectAccessible, firstTask, signIn } from "./support.ts";

test("axe: no serious or critical violations on any page", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page, "sign-in with an error");

  await signIn(page, NORDSEC_ADMIN);
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "dashboard");

  await page.goto("/tasks?severity=high,medium");
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();
  await page.locator("li[data-task-id] input[type=checkbox]").first().check();
  await expect(page.getByRole("region", { name: "Bulk actions" })).toBeVisible();
  await expectAccessible(page, "tasks with a selection");

  const task = await firstTask(page, "type=contract-renewal");
  await page.goto(`/tasks?task=${task.id}`);
  const panel = page.getByRole("complementary", { name: task.title });
  await panel.getByRole("button", { name: "Snooze…" }).click();
  await expect(panel.getByRole("radio", { name: "7 days" })).toBeVisible();
  await expectAccessible(page, "tasks with the task panel and snooze form");

  for (const tab of ["tasks", "commercial", "product-usage", "churn-risk"]) {
    await page.goto(
      `/companies/${task.companyId}?tab=${tab}&highlight=${task.highlight.join(",")}&task=${task.id}`,
    );
    await expect(page.getByRole("tabpanel")).toBeVisible();
    await expect(panel).toBeVisible();
    await expectAccessible(page, `company, ${tab} tab`);
  }
  const mssp = await firstTask(page, "type=inactive-product");
  await page.goto(`/companies/${mssp.companyId}?tab=product-usage&highlight=${mssp.highlight.join(",")}`);
  await expect(page.locator('[data-highlighted="true"]')).toBeVisible();
  await expectAccessible(page, "MSSP company, product usage");

  await page.goto("/users");
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "users");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("dialog", { name: "Add a user" })).toBeVisible();
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  await expectAccessible(page, "users, add dialog");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "404");
});

test("axe on a phone-sized screen: tables become cards and nothing overflows sideways", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, NORDSEC_ADMIN);
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "dashboard, phone");
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(page.locator("table thead")).toHaveCSS("position", "absolute");

  await page.goto("/tasks");
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();
  await expectAccessible(page, "tasks, phone");
  expect(await overflow()).toBeLessThanOrEqual(0);

  const task = await firstTask(page, "type=sns-failed-scans,was-failed-scans");
  await page.goto(`/companies/${task.companyId}?tab=churn-risk&highlight=${task.highlight.join(",")}`);
  await expect(page.locator('[data-highlighted="true"]').first()).toBeInViewport();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
