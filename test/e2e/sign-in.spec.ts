import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { signIn } from "./support.ts";

test("a wrong password is explained, the right one opens the dashboard, sign-out ends the session", async ({
  page,
}) => {
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(NORDSEC_ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Wrong email or password");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill(NORDSEC_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The address asked for before signing in is kept.
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  await expect(page.getByText(`Admin · Nordsec AB`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("empty fields are caught before asking the server", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your email and password");
});

test("the dashboard shows the headline figures of the signed-in partner", async ({ page }) => {
  await signIn(page, NORDSEC_ADMIN);
  const dashboard = await (await page.request.get("/api/v1/dashboard")).json();
  const tile = (label: string) =>
    page.locator(".stat-tile").filter({ has: page.getByText(label, { exact: true }) });
  await expect(tile("Customers")).toContainText(String(dashboard.customers));
  await expect(tile("Open tasks")).toContainText(String(dashboard.openTasks.total));
  await expect(page.getByRole("img", { name: /Open tasks per day over the last 90 days/ })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByText(`${dashboard.customers} companies`)).toBeVisible();
});

test("repeated failures are throttled, with the server's explanation", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Email").fill("nobody@throttle.example");
  await page.getByLabel("Password").fill("wrong password");
  const submit = page.getByRole("button", { name: "Sign in" });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submit.click();
    await expect(page.getByRole("alert")).toContainText("Wrong email or password");
    await expect(submit).toBeEnabled();
  }
  await submit.click();
  await expect(page.getByRole("alert")).toContainText("Too many attempts");
  await expect(page.getByRole("alert")).toContainText(/Too many failed sign-ins\. Try again in \d+ minute/);
});
