import { expect, test } from "@playwright/test";
import { signIn, signInWith } from "../fixtures/auth";

test("an admin adds a user, is told about a duplicate email, and deactivates the user after confirming", async ({
  page,
  browser,
}) => {
  const email = `new.agent.${Date.now()}@demo.recoup.test`;
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Nia Newcomer");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Temporary password").fill("temporary-password-1");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /Nia Newcomer/ });
  await expect(row).toBeVisible();

  // The same email again: a specific error, and still one row.
  await page.getByRole("button", { name: "Add user" }).click();
  await dialog.getByLabel("Name").fill("Nia Again");
  await dialog.getByLabel("Email").fill(email.toUpperCase());
  await dialog.getByLabel("Temporary password").fill("temporary-password-1");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText(/already exists/)).toBeVisible();
  await dialog
    .getByRole("button", { name: /Cancel|Close/ })
    .first()
    .click();
  await expect(page.getByRole("row", { name: /Nia Again/ })).toHaveCount(0);

  // The new user can sign in.
  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await signInWith(newcomer, email, "temporary-password-1");
  await expect(newcomer).toHaveURL(/\/dashboard$/);

  // Deactivation asks first, then takes effect on the newcomer's very next request.
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();
  await newcomer.goto("/accounts");
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await other.close();
});

test("the audit log shows who did what and filters by action", async ({ page }) => {
  await signIn(page, "auditor");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.goto("/audit?action=portfolio.seeded");
  await expect(page.getByRole("cell", { name: "portfolio.seeded" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "user.signed_in" })).toHaveCount(0);
});
