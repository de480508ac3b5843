import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { apiTasks, shownTaskIds, signIn } from "./support.ts";

test.beforeEach(async ({ page }) => {
  await signIn(page, NORDSEC_ADMIN);
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
});

test("severity and category filters: the triangle's counts, the chips and the rows agree with the API", async ({
  page,
}) => {
  const all = await apiTasks(page, "limit=50");
  for (const severity of ["high", "medium", "low"] as const) {
    await expect(page.getByTestId(`severity-count-${severity}`)).toHaveText(
      `${all.counts.severity[severity]} tasks`,
    );
  }

  const high = page.getByRole("button", { name: /^High \d+ tasks$/ });
  await high.click();
  await expect(high).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^Product usage \d+ tasks$/ }).click();
  await expect(page).toHaveURL(/[?&]severity=high(&|$)/);
  await expect(page).toHaveURL(/[?&]category=product-usage(&|$)/);

  const filtered = await apiTasks(page, "severity=high&category=product-usage&limit=50");
  for (const severity of ["high", "medium", "low"] as const) {
    await expect(page.getByTestId(`severity-count-${severity}`)).toHaveText(
      `${filtered.counts.severity[severity]} tasks`,
    );
  }
  for (const category of ["commercial", "product-usage", "churn-risk"] as const) {
    await expect(page.getByTestId(`category-count-${category}`)).toHaveText(
      `${filtered.counts.category[category]} tasks`,
    );
  }
  await expect.poll(() => shownTaskIds(page)).toEqual(filtered.items.map((t) => t.id));
  expect(filtered.items.every((t) => t.severity === "high" && t.category === "product-usage")).toBe(true);

  // Two severities at once: the rows are the union.
  await page.getByRole("button", { name: /^Medium \d+ tasks$/ }).click();
  await expect(page).toHaveURL(/severity=high,medium/);
  const two = await apiTasks(page, "severity=high,medium&category=product-usage&limit=50");
  await expect.poll(() => shownTaskIds(page)).toEqual(two.items.map((t) => t.id));

  // The filters live in the address: back returns to the previous filter, a reload keeps it.
  await page.goBack();
  await expect(page).toHaveURL(/severity=high&category=product-usage/);
  await expect.poll(() => shownTaskIds(page)).toEqual(filtered.items.map((t) => t.id));
  await page.reload();
  await expect(page.getByRole("button", { name: /^High/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => shownTaskIds(page)).toEqual(filtered.items.map((t) => t.id));
});

test("search narrows the list and the status tabs switch what is shown", async ({ page }) => {
  const some = (await apiTasks(page, "limit=1")).items[0];
  if (!some) throw new Error("no open task in the demo data");
  await page.getByLabel("Search").fill(some.companyName);
  await expect(page).toHaveURL(
    new RegExp(`q=${encodeURIComponent(some.companyName).replaceAll("%20", "(\\+|%20)")}`),
  );
  const found = await apiTasks(page, `q=${encodeURIComponent(some.companyName)}&limit=50`);
  await expect.poll(() => shownTaskIds(page)).toEqual(found.items.map((t) => t.id));

  await page.getByRole("tab", { name: "Resolved" }).click();
  await expect(page.getByRole("tab", { name: "Resolved" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/status=resolved/);
});

test("the companies table: Load more by cursor, sort by name, filter by tag, link to the company", async ({
  page,
}) => {
  await page.getByRole("link", { name: "Dashboard" }).click();
  const table = page.getByRole("table");
  const rows = table.locator("tbody tr");
  const total = ((await (await page.request.get("/api/v1/companies?limit=1")).json()) as { total: number })
    .total;
  await expect(rows).toHaveCount(Math.min(25, total));
  if (total > 25) {
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(rows).toHaveCount(total);
  }
  await page.getByRole("button", { name: "Company" }).click();
  await expect(table.getByRole("columnheader", { name: "Company" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  const names = await rows.locator("td:first-child a").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  const tag = (await rows.first().locator(".tag--button").first().textContent()) ?? "";
  await rows.first().getByRole("button", { name: tag }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  const tagged = (await (await page.request.get(`/api/v1/companies?tag=${tag}&limit=200`)).json()) as {
    total: number;
  };
  await expect(rows).toHaveCount(Math.min(25, tagged.total));

  const name = (await rows.first().locator("td:first-child a").textContent()) ?? "";
  await rows.first().getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
