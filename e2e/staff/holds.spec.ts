import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";

test("a hold placed on an account shows in its header and its timeline, and releasing it needs a reason", async ({
  page,
}) => {
  await signIn(page, "manager");
  await page.goto("/accounts?status=active");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}/);
  const header = page.getByTestId("hold-badge");
  await expect(header.filter({ hasText: /dispute/i })).toHaveCount(0);

  await page.getByRole("button", { name: "Place hold" }).click();
  const place = page.getByRole("dialog", { name: "Place a hold" });
  await place.getByLabel("Kind").selectOption("dispute");
  await place.getByLabel("Reason").fill("Debtor disputes the amount by phone");
  await place.getByLabel("Evidence").fill("Call recording 2026-11-24 14:02");
  await place.getByRole("button", { name: "Place hold" }).click();
  await expect(place).toBeHidden();

  await expect(header.filter({ hasText: /dispute/i })).toHaveCount(1);
  const holdEntries = page.locator('[data-testid="timeline-entry"][data-kind="hold"]');
  await expect(holdEntries.first()).toContainText(/dispute/i);

  // Survives a reload: it was stored, not just drawn.
  await page.reload();
  await expect(page.getByTestId("hold-badge").filter({ hasText: /dispute/i })).toHaveCount(1);

  await page
    .getByRole("button", { name: /^Release/ })
    .first()
    .click();
  const release = page.getByRole("dialog");
  await release.getByRole("button", { name: /^Release/ }).click();
  await expect(release.getByText(/reason/i).first()).toBeVisible();
  await expect(page.getByTestId("hold-badge").filter({ hasText: /dispute/i })).toHaveCount(1);
});
