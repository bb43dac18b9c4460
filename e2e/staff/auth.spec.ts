import { expect, test } from "@playwright/test";
import { LOGINS, signIn, signInWith, type DemoRole } from "../fixtures/auth";

test.describe("staff authentication and roles", () => {
  for (const role of Object.keys(LOGINS) as DemoRole[]) {
    test(`${role} signs in and sees the dashboard with real figures`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
      // The demo portfolio has accounts in every bucket: no bucket row may be missing.
      for (const label of ["Current", "1–30", "31–60", "61–90", "91–120", "121–180", "180+"]) {
        await expect(page.getByRole("link", { name: label }).first()).toBeVisible();
      }
    });
  }

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await signInWith(page, LOGINS.agent.email, "not-the-password");
    await expect(page.getByText(/Invalid email or password/)).toBeVisible();
    await page.goto("/accounts");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the console and the API are closed without a session", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit/);
    const response = await page.request.get("/api/trpc/account.list?input=%7B%22json%22%3A%7B%7D%7D");
    expect(response.status()).toBe(401);
  });

  test("an agent is told 'not allowed' on the users page and gets FORBIDDEN from the API", async ({ page }) => {
    await signIn(page, "agent");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const response = await page.request.get("/api/trpc/user.list");
    expect(response.status()).toBe(403);
    expect(JSON.stringify(await response.json())).toContain("FORBIDDEN");
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "manager");
    await page.goto("/sign-out");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
