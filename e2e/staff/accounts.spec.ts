import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";

test("an agent filters the accounts list, opens an account and adds a note that lands in the timeline", async ({
  page,
}) => {
  await signIn(page, "agent");
  await page.getByRole("link", { name: "Accounts" }).first().click();
  await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();
  await expect(page.getByText(/\d[\d,]* accounts/)).toBeVisible();

  // Filter through the URL the filter bar writes: only 61–90 accounts remain.
  await page.goto("/accounts?bucket=61-90");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const dpdCells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
  );
  expect(dpdCells.length).toBeGreaterThan(0);
  for (const cells of dpdCells) expect(cells.join(" ")).toContain("61–90");

  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Ledger", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Contact points", { exact: true }).first()).toBeVisible();

  const note = `Called, promised to call back ${Date.now()}`;
  await page.getByLabel("Note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText(note).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(note).first()).toBeVisible();
});

test("an account of another id shape or unknown id is not found", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/accounts/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Account not found")).toBeVisible();
  await page.goto("/accounts/not-a-uuid");
  await expect(page.getByText("Account not found")).toBeVisible();
});
