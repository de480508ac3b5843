import { expect, type Page, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { apiTasks, signInQuietly } from "./support.ts";

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(
  page: Page,
  describe: string,
  matches: (el: Element) => boolean,
  max = 60,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

/** The focused element has a visible focus indicator (an outline or a box shadow). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  expect(style.outline !== "none" && style.width !== "0px").toBe(true);
}

test("keyboard only (Tab, Enter, Space): filter by severity and category, then open a task at its cause", async ({
  page,
}) => {
  await signInQuietly(page, NORDSEC_ADMIN);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  await tabTo(page, "the skip link", (el) => el.textContent === "Skip to content");
  await expectVisibleFocus(page);
  await tabTo(page, "the Tasks link", (el) => el.tagName === "A" && el.textContent === "Tasks");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();

  await tabTo(
    page,
    "the High toggle",
    (el) => (el.textContent ?? "").startsWith("High") && el.tagName === "BUTTON",
  );
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^High/ })).toHaveAttribute("aria-pressed", "true");

  await tabTo(page, "the Churn risk chip", (el) => (el.textContent ?? "").startsWith("Churn risk"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Churn risk/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/severity=high&category=churn-risk/);

  const expected = (await apiTasks(page, "severity=high&category=churn-risk&limit=50")).items[0];
  if (!expected) throw new Error("the demo has no high churn-risk task");
  await expect(page.locator("li[data-task-id]").first()).toHaveAttribute("data-task-id", expected.id);

  await tabTo(page, "the first task's title", (el) => el.classList.contains("task-row__title"));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/companies/${expected.companyId}\\?tab=churn-risk`));
  await expect(page.getByRole("tab", { name: "Churn risk" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator('[data-highlighted="true"]').first()).toBeInViewport();
  // Focus went to the task panel's title, so the explanation is what comes next.
  await expect(page.getByRole("heading", { level: 2, name: expected.title })).toBeFocused();
  await tabTo(page, "the panel's Snooze button", (el) => el.textContent === "Snooze…");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "7 days" })).toBeVisible();
});
