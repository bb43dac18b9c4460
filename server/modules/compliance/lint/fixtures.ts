/**
 * Shared test fixtures for the lint's tests: a lint call with defaults, and the statutory sentences compliant
 * messages are built from. Not used by production code.
 */
import { lintMessage } from "./index";
import type { Finding, LintContext, LintMessage } from "./types";

export function lint(message: Partial<LintMessage>, context: Partial<LintContext> = {}): Finding[] {
  return lintMessage(
    { channel: "email", kind: "communication", language: "en", text: "", ...message },
    { stage: "publish", ...context },
  );
}

export function rulesOf(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))];
}

export const FROM_COLLECTOR = "This communication is from a debt collector.";
export const MINI_MIRANDA =
  "This is an attempt to collect a debt and any information obtained will be used for that purpose.";
export const MINI_MIRANDA_ES =
  "Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito.";
export const UNSUBSCRIBE = "To stop emails to this address, unsubscribe here: {{unsubscribe_url}}";
export const REPLY_STOP = "Reply STOP to stop texts to this telephone number.";
export const CA_LICENCE = "California license number 10012345.";
export const ROSENTHAL =
  "The state Rosenthal Fair Debt Collection Practices Act and the federal Fair Debt Collection Practices Act require that, except under unusual circumstances, collectors may not contact you before 8 a.m. or after 9 p.m. They may not harass you by using threats of violence or arrest or by using obscene language. Collectors may not use false or misleading statements or call you at work if they know or have reason to know that you may not receive personal calls at work. For the most part, collectors may not tell another person, other than your attorney or spouse, about your debt. Collectors may contact another person to confirm your location or enforce a judgment. For more information about debt collection activities, you may contact the Federal Trade Commission at 1-877-FTC-HELP or www.ftc.gov.";
export const CA_TIME_BARRED =
  "The law limits how long you can be sued on a debt. Because of the age of your debt, ACME Bank cannot sue you for it. If you do not pay the debt, ACME Bank may report it to the credit reporting agencies as unpaid.";
export const CA_TIME_BARRED_OBSOLETE =
  "The law limits how long you can be sued on a debt. Because of the age of your debt, ACME Bank cannot sue you for it, and ACME Bank cannot report it to any credit reporting agencies.";
export const NY_EXEMPT_INCOME =
  "If a creditor or debt collector receives a money judgment against you in court, state and federal laws may prevent the following types of income from being taken to pay the debt: supplemental security income (SSI); Social Security; public assistance (welfare); spousal support, maintenance (alimony) or child support; unemployment benefits; disability benefits; workers' compensation benefits; public or private pensions; veterans' benefits; federal student loans, federal student grants, and federal work study funds; and ninety percent of your wages or salary earned in the last sixty days. This income is exempt.";
export const NYC_LANGUAGE_ACCESS =
  "Language access services are available: call us to ask for them. The city's glossary of debt-collection terms is at nyc.gov/dcwp.";
export const LCM_A = "This is Robin Smith calling from ABC, Inc. Please contact me or Jim Johnson at 1-800-555-1212.";
export const LCM_B =
  "Hi, this is Robin Smith calling from ABC, Inc. It is 4:15 p.m. on Wednesday, September 1. Please contact me or any of our representatives at 1-800-555-1212 until 6:00 p.m. Eastern time, or any weekday from 8:00 a.m. to 6:00 p.m. Eastern time.";
