import { expect, test } from "@playwright/test";
import type { TaskPage } from "../../web/src/api/types.ts";
import { NORDSEC_ADMIN, VENDOR } from "./accounts.ts";
import { shownTaskIds, signIn } from "./support.ts";

test("a partner with both kinds of partnership narrows tasks and the dashboard to one", async ({ page }) => {
  await signIn(page, NORDSEC_ADMIN);
  const switcher = page.getByLabel("Partnership");
  await expect(switcher.locator("option")).toHaveText([
    "All partnerships",
    "Nordsec Managed (MSSP)",
    "Nordsec Reseller (Reseller)",
  ]);
  await switcher.selectOption({ label: "Nordsec Managed (MSSP)" });
  await expect(page.locator(".page-header__kicker")).toHaveText("Nordsec Managed");
  const dashboard = await (await page.request.get("/api/v1/dashboard?partnership=nordsec-mssp")).json();
  await expect(page.locator(".stat-tile").filter({ hasText: "Customers" })).toContainText(
    String(dashboard.customers),
  );
  // MSSP partnerships have no orders, so no renewal tasks: the commercial chip counts none.
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  const tasks = (await (
    await page.request.get("/api/v1/tasks?partnership=nordsec-mssp&limit=50")
  ).json()) as TaskPage;
  await expect(page.getByTestId("category-count-commercial")).toHaveText("0 tasks");
  await expect.poll(() => shownTaskIds(page)).toEqual(tasks.items.map((t) => t.id));
  // The choice is remembered across reloads.
  await page.reload();
  await expect(page.getByLabel("Partnership")).toHaveValue("nordsec-mssp");
  await page.getByLabel("Partnership").selectOption({ label: "All partnerships" });
});

test("the vendor's staff see every partner and pick one by id", async ({ page }) => {
  await signIn(page, VENDOR);
  await expect(page.getByText("Vendor staff", { exact: true })).toBeVisible();
  const all = await (await page.request.get("/api/v1/dashboard")).json();
  const customers = page.locator(".stat-tile").filter({ hasText: "Customers" });
  await expect(customers).toContainText(String(all.customers));
  await page.getByLabel("Partner id").fill("nordsec");
  await page.getByRole("button", { name: "Apply" }).click();
  const nordsec = await (await page.request.get("/api/v1/dashboard?partner=nordsec")).json();
  expect(nordsec.customers).toBeLessThan(all.customers);
  await expect(customers).toContainText(String(nordsec.customers));
  await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
  await page.getByLabel("Partner id").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(customers).toContainText(String(all.customers));
});
