import { expect, test } from "@playwright/test";
import { NORDSEC_ADMIN } from "./accounts.ts";
import { signIn } from "./support.ts";

test("an admin creates a user limited to two companies, who then signs in and sees only those", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, NORDSEC_ADMIN);
  await admin.getByRole("link", { name: "Users" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await admin.getByRole("button", { name: "Add user" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Email", { exact: true }).fill("maja@nordsec.example");
  await dialog.getByLabel("Name", { exact: true }).fill("Maja Berg");
  await dialog.getByRole("radio", { name: /^User/ }).check();
  const companies = dialog.locator(".company-picker__list input[type=checkbox]");
  await companies.nth(0).check();
  await companies.nth(1).check();
  const chosen = await dialog
    .locator(".company-picker__list label")
    .evaluateAll((labels) =>
      labels
        .filter((l) => (l.querySelector("input") as HTMLInputElement).checked)
        .map((l) => l.textContent ?? ""),
    );
  await dialog.getByLabel("Password", { exact: true }).fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByRole("alert")).toContainText("at least 10 characters");
  await dialog.getByLabel("Password", { exact: true }).fill("maja's long password");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText("Maja Berg can now sign in as maja@nordsec.example.")).toBeVisible();
  const row = admin.getByRole("row", { name: /Maja Berg/ });
  await expect(row).toContainText("2 companies");

  const maja = await browser.newPage();
  await signIn(maja, { email: "maja@nordsec.example", password: "maja's long password" });
  await expect(maja.getByText("2 companies", { exact: true })).toBeVisible();
  await expect(maja.getByRole("table").locator("tbody tr")).toHaveCount(2);
  for (const name of chosen) await expect(maja.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(maja.getByRole("link", { name: "Users" })).toHaveCount(0);

  // The admin makes her an admin, then disables her.
  await row.getByRole("button", { name: "Edit Maja Berg" }).click();
  const edit = admin.getByRole("dialog", { name: "Edit Maja Berg" });
  await edit.getByRole("radio", { name: /^Admin/ }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("Admin");
  await expect(row).toContainText("All companies");
  await row.getByRole("button", { name: "Edit Maja Berg" }).click();
  await edit.getByLabel("Disabled: cannot sign in").check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("Disabled");

  // An admin cannot demote or disable itself: the form does not offer it.
  await admin
    .getByRole("row", { name: /Demo Admin/ })
    .getByRole("button", { name: /^Edit/ })
    .click();
  const self = admin.getByRole("dialog");
  await expect(self.getByRole("radio", { name: /^User/ })).toBeDisabled();
  await expect(self.getByLabel("Disabled: cannot sign in")).toHaveCount(0);
  await admin.close();
  await maja.close();
});
