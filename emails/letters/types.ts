/**
 * What a printed letter needs. Money is integer minor units; dates are "YYYY-MM-DD" calendar dates (they are
 * formatted for print without the machine's time zone, so a letter reads the same wherever it is rendered).
 */

export type MoneyValue = { minor: number; currency: string };

export type PostalAddress = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
};

export type Collector = {
  name: string;
  address: PostalAddress;
  phone: string;
  website?: string;
  disputeEmail?: string;
  hours?: string;
  licenseNumbers?: { state: string; number: string }[];
};

export type ValidationNoticeLetterProps = {
  language: "en" | "es";
  /** YYYY-MM-DD */
  noticeDate: string;
  collector: Collector;
  consumer: PostalAddress;
  /** The account number (truncated) or reference code. */
  reference: string;
  creditorOnItemizationDate: string;
  currentCreditor: string;
  /** YYYY-MM-DD */
  itemizationDate: string;
  amountOnItemization: MoneyValue;
  interestSince: MoneyValue;
  feesSince: MoneyValue;
  paymentsAndCreditsSince: MoneyValue;
  currentAmount: MoneyValue;
  /** YYYY-MM-DD */
  validationEndsOn: string;
  /** Adds the CFPB website sentence. */
  consumerFinancialProduct: boolean;
  /** The optional Spanish sentences of the model form. */
  spanishOffer?: boolean;
  /** Printed on a later page ("reverse"), e.g. the California Rosenthal notice. */
  stateDisclosures?: string[];
};

export type GenericLetterProps = {
  language: "en" | "es";
  /** YYYY-MM-DD */
  date: string;
  collector: Collector;
  consumer: PostalAddress;
  reference: string;
  title: string;
  /** Body text already rendered from an admin's template. */
  paragraphs: string[];
  closing?: string[];
};

export type PlanAgreementLetterProps = {
  language: "en" | "es";
  /** YYYY-MM-DD */
  date: string;
  collector: Collector;
  consumer: PostalAddress;
  reference: string;
  total: MoneyValue;
  frequency: "weekly" | "biweekly" | "monthly";
  installments: { dueOn: string; amount: MoneyValue }[];
  paragraphs?: string[];
};

export type Letter =
  | { kind: "validation_notice"; props: ValidationNoticeLetterProps }
  | { kind: "letter"; props: GenericLetterProps }
  | { kind: "plan_agreement"; props: PlanAgreementLetterProps };
