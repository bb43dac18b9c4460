import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";

const ACCOUNT_URL = /\/accounts\/([0-9a-f-]{36})/;

test("an agent opens My queue, logs a call with a promise on one account and moves to the next", async ({ page }) => {
  await signIn(page, "agent");
  await page.getByRole("link", { name: "My queue" }).click();
  await expect(page.getByRole("heading", { name: "My queue", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Start" }).first().click();
  await expect(page).toHaveURL(ACCOUNT_URL);
  const firstId = ACCOUNT_URL.exec(page.url())![1];

  await page.getByRole("button", { name: "Log call" }).click();
  const dialog = page.getByRole("dialog");
  // The debtor calls in (an outbound call would be subject to the compliance gate at whatever hour this runs;
  // e2e/staff/compliance.spec.ts covers that).
  await dialog.getByLabel("Direction").selectOption("inbound");
  const number = dialog.getByLabel("Number used");
  const firstNumber = await number.locator("option").first().getAttribute("value");
  if (firstNumber) await number.selectOption(firstNumber);
  else await dialog.getByLabel("Caller's number").fill("(602) 555-0143");
  await dialog.getByLabel("Person reached").selectOption("debtor");
  await dialog.getByLabel("Outcome").selectOption("promise_taken");
  await dialog.getByLabel("A conversation took place").check();
  await dialog.getByLabel(/Promised amount/).fill("25.00");
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel("Promised for").fill(inAWeek);
  await dialog.getByRole("button", { name: "Save call" }).click();
  await expect(dialog).toBeHidden();

  // The call and the promise are in the timeline and the header, and stay after a reload.
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="interaction"]').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="interaction"]').first()).toContainText(
    /promise/i,
  );
  await expect(page.getByText(`by ${inAWeek}`, { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Next account" }).click();
  await expect(page).not.toHaveURL(new RegExp(firstId!));
  await expect(page).toHaveURL(ACCOUNT_URL);
});
