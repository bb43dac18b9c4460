/**
 * The variables a template may use, and rendering: `{{debtor.first_name}}` is replaced by the debtor's first
 * name, escaped for where it lands. A name not in the catalogue is an error at publish (never a blank at send).
 * Pure.
 */

export type TemplateChannel = "email" | "sms" | "letter" | "voicemail";

export type VariableDefinition = {
  name: string;
  label: string;
  example: string;
  /** Only where it means something (an unsubscribe link in an email). */
  channels?: TemplateChannel[];
};

export const TEMPLATE_VARIABLES: VariableDefinition[] = [
  { name: "debtor.first_name", label: "Debtor's first name", example: "Dana" },
  { name: "debtor.last_name", label: "Debtor's last name", example: "Doe" },
  { name: "debtor.full_name", label: "Debtor's full name", example: "Dana Doe" },
  { name: "creditor.name", label: "Current creditor", example: "Meridian Home Furnishings" },
  { name: "account.original_creditor", label: "Original creditor", example: "Harborline Bank, N.A." },
  { name: "account.reference", label: "Account reference", example: "MHF-7132934932" },
  { name: "account.balance", label: "Balance owed", example: "$437.90" },
  { name: "account.principal", label: "Principal", example: "$368.01" },
  { name: "account.interest", label: "Interest", example: "$0.00" },
  { name: "account.fees", label: "Fees", example: "$69.89" },
  { name: "account.due_on", label: "Oldest unpaid due date", example: "June 30, 2026" },
  { name: "account.days_past_due", label: "Days past due", example: "42" },
  { name: "promise.amount", label: "Promised amount (current promise)", example: "$50.00" },
  { name: "promise.due_on", label: "Promise due date", example: "December 15, 2026" },
  { name: "validation.ends_on", label: "End of the validation period", example: "April 8, 2026" },
  { name: "validation.itemization_date", label: "Itemization date", example: "June 30, 2025" },
  { name: "validation.amount_on_itemization", label: "Amount on the itemization date", example: "$2,234.50" },
  { name: "portal.link", label: "Signed link to the debtor's portal", example: "https://recoup.example/pay?t=…" },
  {
    name: "unsubscribe_url",
    label: "One-click unsubscribe link for this email address",
    example: "https://recoup.example/api/unsubscribe/…",
    channels: ["email"],
  },
  { name: "org.name", label: "Your organization's name", example: "ACME Recovery" },
  { name: "org.phone", label: "Your phone number", example: "1-800-555-1212" },
  { name: "org.email", label: "Your email address", example: "help@acme.example" },
  { name: "org.address", label: "Your mailing address (one line)", example: "PO Box 1, Springfield, IL 62701" },
  { name: "org.hours", label: "Your opening hours", example: "Monday–Friday 8 a.m.–6 p.m. Central" },
  { name: "org.website", label: "Your website", example: "https://acme.example" },
  { name: "org.ca_license_number", label: "California licence number", example: "10012345" },
  { name: "org.nyc_license_number", label: "New York City licence number", example: "2091234-DCA" },
  { name: "agent.first_name", label: "The sending agent's first name", example: "Robin" },
  { name: "today", label: "Today's date", example: "December 4, 2026" },
];

export type TemplateValues = Partial<Record<string, string>>;

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*\}\}/gi;
const LOOSE_BRACES = /\{\{|\}\}/g;
const BY_NAME = new Map(TEMPLATE_VARIABLES.map((v) => [v.name, v]));

/** Every `{{name}}` in a text, in order of appearance, once each. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.toLowerCase()))];
}

export type VariableProblem = { variable: string; message: string };

/** What is wrong with the placeholders of a template for a channel: unknown names, misplaced ones, stray braces. */
export function checkVariables(text: string, channel: TemplateChannel): VariableProblem[] {
  const problems: VariableProblem[] = [];
  for (const name of variablesIn(text)) {
    const def = BY_NAME.get(name);
    if (!def) problems.push({ variable: name, message: `Unknown variable {{${name}}}: use one of the catalogue` });
    else if (def.channels && !def.channels.includes(channel))
      problems.push({ variable: name, message: `{{${name}}} is only for ${def.channels.join(", ")} templates` });
  }
  const leftover = text.replace(PLACEHOLDER, "");
  if (LOOSE_BRACES.test(leftover))
    problems.push({ variable: "", message: "Unbalanced {{ or }}: a variable is written {{name}}" });
  return problems;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The text with every placeholder replaced. `escape: "html"` escapes values for HTML (a debtor named
 * `<script>` stays text); "none" is for plain text (SMS, letters, the text part of an email). A value that is
 * missing renders as an empty string and is reported, so a preview can show what an account lacks.
 */
export function renderText(
  text: string,
  values: TemplateValues,
  escape: "html" | "none" = "none",
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (_, raw: string) => {
    const name = raw.toLowerCase();
    const value = values[name];
    if (value === undefined || value === "") missing.push(name);
    const v = value ?? "";
    return escape === "html" ? escapeHtml(v) : v;
  });
  return { text: out, missing: [...new Set(missing)] };
}

/** The catalogue's examples, for previews without an account and for the lint at publish. */
export function exampleValues(): TemplateValues {
  return Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v.name, v.example]));
}
