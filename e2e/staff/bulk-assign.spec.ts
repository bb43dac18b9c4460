import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../fixtures/auth";

async function countOf(page: Page): Promise<number> {
  const text = await page
    .getByText(/^[\d,]+ accounts?$/)
    .first()
    .textContent();
  return Number(text!.replace(/[^\d]/g, ""));
}

test("a manager bulk-assigns 100 filtered accounts to an agent and sees the counts change", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/accounts?assignee=unassigned");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  const unassignedBefore = await countOf(page);
  expect(unassignedBefore).toBeGreaterThan(100);

  // Two pages of 50: the selection is kept across pages of the same filters.
  await page.getByLabel("Select all accounts on this page").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByLabel("Select all accounts on this page").check();
  await expect(page.getByTestId("selection-count")).toHaveText(/^100 accounts selected/);

  await page.getByRole("button", { name: "Assign…" }).click();
  const choose = page.getByRole("dialog");
  await choose.getByLabel("Assign to").selectOption({ label: "Sam Okafor" });
  await choose.getByRole("button", { name: "Continue" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("100");
  await expect(confirm).toContainText("Sam Okafor");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();

  await page.goto("/accounts?assignee=unassigned");
  await expect.poll(() => countOf(page)).toBe(unassignedBefore - 100);
});
