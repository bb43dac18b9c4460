import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";

// A QuickBooks Online "A/R Aging Detail" export, with the rows such a report really has besides invoices.
const QUICKBOOKS = [
  "Date,Transaction Type,Num,Customer,Due Date,Amount,Open Balance",
  '09/02/2026,Invoice,QB-E2E-1001,Harriet Tubman,10/02/2026,"1,200.00","1,200.00"',
  "09/05/2026,Invoice,QB-E2E-1002,Frederick Douglass,10/05/2026,450.00,300.00",
  "09/07/2026,Payment,QB-E2E-1003,Frederick Douglass,,,-150.00",
  "09/09/2026,Invoice,QB-E2E-1004,Sojourner Truth,02/30/2026,80.00,abc",
].join("\r\n");

test("an admin uploads a QuickBooks file, maps it with the preset, sees the bad rows, imports the rest and finds them", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/imports");
  await page.getByLabel("Creditor").selectOption({ index: 1 });
  await page.getByLabel("Kind").selectOption("accounts");
  await page.getByLabel("File").setInputFiles({
    name: "ar-aging-detail.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(QUICKBOOKS, "utf8"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);

  // The preset is recognised and maps every column.
  await expect(page.getByText(/QuickBooks/).first()).toBeVisible();
  await expect(page.getByLabel('Map column "Open Balance"')).not.toHaveValue("");
  // Every "Date" in the file reads both ways (09/02/2026): the order is asked, not guessed.
  await page.getByLabel("Date order of “Date”").selectOption("MDY");
  await page.getByLabel("Import the valid rows").check();
  await page.getByRole("button", { name: "Start import" }).click();

  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible({ timeout: 30_000 });
  const errors = page.getByRole("table", { name: "Rows with errors" });
  await expect(errors).toContainText("Payment");
  await expect(errors).toContainText("02/30/2026");
  await expect(errors).toContainText("abc");
  await expect(page.getByRole("link", { name: /Download error report/ })).toBeVisible();

  await page.goto("/accounts?q=QB-E2E");
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody")).toContainText("QB-E2E-1001");
  await expect(page.locator("tbody")).toContainText("Harriet Tubman");
});
