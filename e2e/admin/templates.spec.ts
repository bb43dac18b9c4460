import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../fixtures/auth";

const NO_OPT_OUT = [
  "Hello {{debtor.first_name}},",
  "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.",
  "Your balance with {{creditor.name}} is {{account.balance}}.",
].join("\n\n");
const COMPLIANT = `${NO_OPT_OUT}\n\nTo stop emails to this address, unsubscribe here: {{unsubscribe_url}}`;

async function setBody(page: Page, text: string) {
  const body = page.getByLabel("Message", { exact: true });
  await body.fill(text);
}

test("an admin writes an email template, its opt-out is required to publish, and an agent sends it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `Balance reminder ${Date.now().toString(36)}`;
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New template" }).click();
  const create = page.getByRole("dialog");
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Channel").selectOption("email");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // Without a way to opt out of email, the preview says so and publishing is refused with the reason.
  await setBody(page, NO_OPT_OUT);
  await expect(page.getByTestId("template-findings")).toContainText("ELEC-01");
  await expect(page.frameLocator('iframe[title="Email preview"]').getByText("Your balance with")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("publish-error")).toContainText(/opt out/i);
  await expect(page.getByTestId("publish-error")).toContainText("ELEC-01");

  await setBody(page, COMPLIANT);
  await expect(page.getByTestId("template-findings")).not.toContainText("ELEC-01");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("published", { exact: true }).first()).toBeVisible();

  // An agent sends it from a Texas account, to an address the debtor gave us.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent");
  await agent.goto("/accounts?state=TX&status=active&hasHold=none");
  await agent.locator("tbody tr").nth(1).getByRole("link").first().click();
  await expect(agent).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  const address = `e2e.${Date.now().toString(36)}@example.com`;
  await agent.getByRole("button", { name: "Add contact point" }).click();
  const add = agent.getByRole("dialog");
  await add.getByLabel("Kind").selectOption("email");
  await add.getByLabel("Email address").fill(address);
  await add.getByLabel("Source").selectOption("debtor");
  await add
    .getByRole("button", { name: /save|add/i })
    .last()
    .click();
  await expect(add).toBeHidden();

  await agent.getByRole("button", { name: "Send message" }).click();
  const send = agent.getByRole("dialog");
  await send.getByLabel("Template").selectOption({ label: `${name} (Email)` });
  await send.getByLabel("Send to").selectOption({ label: address });
  await expect(send.frameLocator('iframe[title="Message preview"]').getByText("Your balance with")).toBeVisible();
  await send.getByRole("button", { name: "Send", exact: true }).click();
  // At night in the debtor's zone the gate refuses the email now: the agent schedules it for the first allowed time.
  const schedule = send.getByRole("button", { name: /^Schedule for/ });
  await expect.poll(async () => (await send.isHidden()) || (await schedule.isVisible())).toBe(true);
  if (await schedule.isVisible()) await schedule.click();
  await expect(send).toBeHidden();

  await agent.reload();
  await expect(
    agent.locator('[data-testid="timeline-entry"][data-kind="interaction"]').filter({ hasText: address }).first(),
  ).toBeVisible();
  await agentContext.close();

  // The admin finds it in the Outbox, rendered as it is received, with its one-click unsubscribe header.
  await page.getByRole("link", { name: "Outbox" }).click();
  const row = page.getByTestId("outbox-message").filter({ hasText: address }).first();
  await expect(row).toBeVisible();
  await row.getByRole("button").first().click();
  const view = page.getByTestId("message-view");
  await expect(view).toContainText("List-Unsubscribe-Post");
  await expect(view.frameLocator("iframe").getByText("Your balance with")).toBeVisible();
});
