/** Shared steps of the journeys: signing in, reading the API as the page's user, axe checks. */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Task, TaskPage } from "../../web/src/api/types.ts";

export interface Account {
  readonly email: string;
  readonly password: string;
}

/** Signs in through the form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, account: Account, path = "/"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs in with the API only (sets the session cookie for the page), for keyboard-only journeys. */
export async function signInQuietly(page: Page, account: Account): Promise<void> {
  const response = await page.request.post("/api/v1/auth/sign-in", { data: account });
  expect(response.status()).toBe(200);
}

/** GET /api/v1/tasks with the page's cookies: what the API says the page should show. */
export async function apiTasks(page: Page, query: string): Promise<TaskPage> {
  const response = await page.request.get(`/api/v1/tasks?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as TaskPage;
}

export async function firstTask(page: Page, query: string): Promise<Task> {
  const task = (await apiTasks(page, `${query}&limit=1`)).items[0];
  if (!task) throw new Error(`the demo data has no task for ${query}`);
  return task;
}

/** The ids of the task rows on screen, in order. */
export async function shownTaskIds(page: Page): Promise<string[]> {
  return page
    .locator("li[data-task-id]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-task-id") ?? ""));
}

/** Axe on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `${label}: axe violations`).toEqual([]);
}
