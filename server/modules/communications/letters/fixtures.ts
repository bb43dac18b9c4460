/** Sample letters for the tests: the CFPB's sample itemization, with a made-up collector and consumer. */
import type {
  Collector,
  GenericLetterProps,
  MoneyValue,
  PlanAgreementLetterProps,
  PostalAddress,
  ValidationNoticeLetterProps,
} from "@/emails/letters";

export const usd = (minor: number): MoneyValue => ({ minor, currency: "USD" });

export const collector: Collector = {
  name: "Harbor Point Recovery",
  address: {
    name: "Harbor Point Recovery",
    line1: "PO Box 4410",
    city: "Pasadena",
    state: "CA",
    postalCode: "91109-4410",
  },
  phone: "(800) 555-0142",
  hours: "8 a.m. to 8 p.m. ET, Monday to Saturday",
  website: "www.harborpoint.example",
  disputeEmail: "disputes@harborpoint.example",
  licenseNumbers: [{ state: "CA", number: "10592-99" }],
};

export const consumer: PostalAddress = {
  name: "Dana Okafor",
  line1: "2323 Park Street",
  line2: "Apartment 342",
  city: "Bethesda",
  state: "MD",
  postalCode: "20815",
};

export const ROSENTHAL =
  "The state Rosenthal Fair Debt Collection Practices Act and the federal Fair Debt Collection Practices Act require that, except under unusual circumstances, collectors may not contact you before 8 a.m. or after 9 p.m.";

export function sampleNotice(overrides: Partial<ValidationNoticeLetterProps> = {}): ValidationNoticeLetterProps {
  return {
    language: "en",
    noticeDate: "2026-03-02",
    collector,
    consumer,
    reference: "XXXX-6789",
    creditorOnItemizationDate: "Bank of Rockville",
    currentCreditor: "Bank of Rockville",
    itemizationDate: "2025-06-30",
    amountOnItemization: usd(223450),
    interestSince: usd(7500),
    feesSince: usd(2500),
    paymentsAndCreditsSince: usd(5000),
    currentAmount: usd(228450),
    validationEndsOn: "2026-04-08",
    consumerFinancialProduct: true,
    spanishOffer: true,
    stateDisclosures: [ROSENTHAL],
    ...overrides,
  };
}

export function sampleLetter(overrides: Partial<GenericLetterProps> = {}): GenericLetterProps {
  return {
    language: "en",
    date: "2026-03-02",
    collector,
    consumer,
    reference: "XXXX-6789",
    title: "About your account",
    paragraphs: [
      "Dear Dana Okafor,",
      "We have not heard from you about your account with Bank of Rockville. Call us to talk about your options.",
      "This communication is from a debt collector.",
    ],
    closing: ["Sincerely,", "Account Services"],
    ...overrides,
  };
}

export function samplePlan(overrides: Partial<PlanAgreementLetterProps> = {}): PlanAgreementLetterProps {
  return {
    language: "en",
    date: "2026-03-02",
    collector,
    consumer,
    reference: "XXXX-6789",
    total: usd(228450),
    frequency: "monthly",
    installments: [
      { dueOn: "2026-04-15", amount: usd(76150) },
      { dueOn: "2026-05-15", amount: usd(76150) },
      { dueOn: "2026-06-15", amount: usd(76150) },
    ],
    paragraphs: ["This confirms the payment plan we agreed on March 2, 2026."],
    ...overrides,
  };
}
