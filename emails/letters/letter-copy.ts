/** The fixed words of the business letters (the body text comes from the admin's template, already rendered). */
import type { LetterLanguage } from "./format";
import type { PlanAgreementLetterProps } from "./types";

export type LetterCopy = {
  reference: string;
  page: (pageNumber: number, totalPages: number) => string;
  license: (state: string, number: string) => string;
  planTitle: string;
  frequencyLabel: string;
  frequency: Record<PlanAgreementLetterProps["frequency"], string>;
  paymentsLabel: string;
  totalLabel: string;
  scheduleHeading: string;
  number: string;
  dueDate: string;
  amount: string;
  scheduleTotal: string;
  signature: string;
  date: string;
};

export const LETTER_COPY: Record<LetterLanguage, LetterCopy> = {
  en: {
    reference: "Reference:",
    page: (pageNumber, totalPages) => `Page ${pageNumber} of ${totalPages}`,
    license: (state, number) => `${state} license no. ${number}`,
    planTitle: "Payment plan agreement",
    frequencyLabel: "Payments:",
    frequency: { weekly: "Weekly", biweekly: "Every two weeks", monthly: "Monthly" },
    paymentsLabel: "Number of payments:",
    totalLabel: "Total of the plan:",
    scheduleHeading: "Payment schedule",
    number: "No.",
    dueDate: "Due date",
    amount: "Amount",
    scheduleTotal: "Total",
    signature: "Signature",
    date: "Date",
  },
  es: {
    reference: "Referencia:",
    page: (pageNumber, totalPages) => `Página ${pageNumber} de ${totalPages}`,
    license: (state, number) => `Licencia de ${state} n.º ${number}`,
    planTitle: "Acuerdo de plan de pagos",
    frequencyLabel: "Pagos:",
    frequency: { weekly: "Semanales", biweekly: "Cada dos semanas", monthly: "Mensuales" },
    paymentsLabel: "Número de pagos:",
    totalLabel: "Total del plan:",
    scheduleHeading: "Calendario de pagos",
    number: "N.º",
    dueDate: "Fecha de vencimiento",
    amount: "Cantidad",
    scheduleTotal: "Total",
    signature: "Firma",
    date: "Fecha",
  },
};
