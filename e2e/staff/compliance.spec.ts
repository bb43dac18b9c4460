import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../fixtures/auth";

// Call times are typed in the browser's zone: UTC here, so 19:00 and 20:00 are inside the calling hours of every
// US zone (09:00–10:00 in Hawaii, 15:00–16:00 in New York), whatever day and hour the test runs.
test.use({ timezoneId: "UTC" });

const ACCOUNT_URL = /\/accounts\/([0-9a-f-]{36})$/;
const DAY = 86_400_000;

/** "YYYY-MM-DDTHH:MM" for a datetime-local field: `daysAgo` days before today (UTC), at `hour`:00. */
function callTime(daysAgo: number, hour: number): string {
  const day = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

async function openLogCall(page: Page) {
  await page.getByRole("button", { name: "Log call" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Direction").selectOption("outbound");
  return dialog;
}

/** The first number on file that is neither opted out nor invalid, as the dialog lists it. */
async function usableNumber(page: Page): Promise<string> {
  const dialog = await openLogCall(page);
  const options = dialog.getByLabel("Number used").locator("option");
  const labels = await options.allTextContents();
  const values = await options.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  const index = labels.findIndex((l) => !/opted out|invalid/.test(l));
  expect(index, `a callable number among ${labels.join(", ")}`).toBeGreaterThanOrEqual(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  return values[index]!;
}

async function logUnansweredCall(page: Page, number: string, when: string) {
  const dialog = await openLogCall(page);
  await dialog.getByLabel("Number used").selectOption(number);
  await dialog.getByLabel("Person reached").selectOption("none");
  await dialog.getByLabel("Outcome").selectOption("no_answer");
  if (when) await dialog.getByLabel("When").fill(when);
  await dialog.getByRole("button", { name: "Save call" }).click();
  return dialog;
}

test("seven calls this week block the number until the window frees; a manager's override is audited", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, "agent");
  // A Texas account with no hold and no contact for ten days: no state cap, nothing else in the way.
  await page.goto("/accounts?state=TX&status=active&hasHold=none&minDaysSinceContact=10&neverContacted=1");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(ACCOUNT_URL);
  const accountUrl = page.url();
  const number = await usableNumber(page);

  // Seven counted calls within the last seven days: one a day from six days ago, two yesterday.
  const times = [
    callTime(6, 19),
    callTime(5, 19),
    callTime(4, 19),
    callTime(3, 19),
    callTime(2, 19),
    callTime(1, 19),
    callTime(1, 20),
  ];
  for (const when of times) {
    const dialog = await logUnansweredCall(page, number, when);
    await expect(dialog).toBeHidden();
  }

  // Every number of the debtor now shows the Reg F block, with the day it lifts.
  await page.reload();
  await expect(page.getByText(/Blocked until/).first()).toBeVisible();
  await expect(page.getByText(/FREQ-01/).first()).toBeVisible();

  // The agent cannot log an eighth call, and is offered no override.
  const refused = await logUnansweredCall(page, number, "");
  await expect(refused.getByRole("alert").filter({ hasText: /Blocked by compliance/ })).toBeVisible();
  await expect(refused.getByLabel("Override reason")).toHaveCount(0);
  await refused.getByRole("button", { name: "Cancel" }).click();

  // A manager logs it anyway, with a reason.
  const managerContext = await browser.newContext({ timezoneId: "UTC" });
  const manager = await managerContext.newPage();
  await signIn(manager, "manager");
  await manager.goto(accountUrl);
  const dialog = await logUnansweredCall(manager, number, "");
  await expect(dialog.getByRole("alert").filter({ hasText: /Blocked by compliance/ })).toBeVisible();
  await dialog.getByLabel("Override reason").fill("Debtor's employer asked us to call back today about payroll");
  await dialog.getByRole("button", { name: "Log call anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(manager.locator('[data-testid="timeline-entry"][data-kind="compliance"]').first()).toContainText(
    /let through by a manager/,
  );

  // The override is in the audit log, with who and why.
  await manager.goto("/audit?action=compliance.overridden");
  const entry = manager.getByRole("row").filter({ hasText: "compliance.overridden" }).first();
  await expect(entry).toBeVisible();
  await managerContext.close();
});
