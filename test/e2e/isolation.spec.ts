import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN, OTHER_ADMIN } from "./accounts.ts";
import { firstTask, signIn } from "./support.ts";

test("another partner's company and task addresses show the 404 page, like unknown addresses", async ({
  browser,
}) => {
  const nordsec = await browser.newPage();
  await signIn(nordsec, NORDSEC_ADMIN);
  const task = await firstTask(nordsec, "status=open");
  await nordsec.close();

  const other = await browser.newPage();
  await signIn(other, OTHER_ADMIN);
  await other.goto(`/companies/${task.companyId}?tab=${task.tab}&highlight=${task.highlight.join(",")}`);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(other.getByText(task.companyName)).toHaveCount(0);

  await other.goto(`/tasks?task=${task.id}`);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(other.getByText(task.title)).toHaveCount(0);

  await other.goto("/companies/no-such-company");
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await other.goto("/no/such/page");
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await other.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await other.close();
});
