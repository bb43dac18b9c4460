/**
 * The words of the validation notice, in the order and phrasing of the CFPB's Model Form B-1 (12 CFR 1006
 * appendix B) and its Spanish translation. Using the model's wording is what earns the safe harbor for content
 * and format (Reg F 1006.34(d)(2)), so edits here are compliance changes, not copy edits.
 */
import type { LetterLanguage } from "./format";

/** A sentence whose first part the model form sets in bold. */
export type Emphasised = { bold: string; rest: string };

export type ValidationNoticeCopy = {
  /** 1006.34(c)(1) and 1006.18(e): the debt collector disclosure, set apart in a box at the top. */
  headline: (collector: string, currentCreditor: string) => Emphasised;
  reference: string;
  ourInformation: string;
  /** 1006.34(c)(2)(iii)–(iv): the creditor and account number as of the itemization date. */
  hadAccount: (creditor: string, reference: string) => string;
  /** 1006.34(c)(2)(vi)–(ix): the itemization. */
  asOf: (date: string) => string;
  between: (date: string) => string;
  interest: string;
  fees: string;
  payments: string;
  total: string;
  disputeHeading: string;
  /** 1006.34(c)(3)(iii): unless disputed by the end date, the collector assumes the debt is valid. */
  callOrWrite: (date: string) => Emphasised;
  /** 1006.34(c)(3)(i): a written dispute by the end date stops collection of the disputed amount. */
  writeToDispute: (date: string) => string;
  /** 1006.34(c)(3)(v): how to dispute electronically, when the collector accepts that. */
  disputeOnline: (where: string) => string;
  elseHeading: string;
  /** 1006.34(c)(3)(ii): a written request for the original creditor by the end date stops collection. */
  originalCreditor: (date: string) => Emphasised;
  requestOnline: (where: string) => string;
  /** 1006.34(c)(3)(iv): only for debts related to a consumer financial product or service. */
  cfpb: Emphasised;
  paymentOptions: string;
  stateDisclosuresPointer: string;
  contactUs: string;
  callUs: (phone: string, hours: string | undefined) => string;
  visitUs: (website: string) => string;
  license: (state: string, number: string) => string;
  /** 1006.34(d)(3)(vi): the optional Spanish-language offer; null where it has no meaning (a Spanish notice). */
  spanishOffer: string | null;
  respondHeading: string;
  checkAll: string;
  /** 1006.34(c)(4): the consumer-response prompts of the tear-off. */
  disputeBecause: string;
  notMyDebt: string;
  amountWrong: string;
  other: string;
  sendOriginalCreditor: string;
  enclosed: string;
  payableTo: (collector: string, reference: string) => string;
  spanishRequest: string | null;
  mailTo: string;
  additionalInformation: string;
};

const CFPB_URL = "www.cfpb.gov/debt-collection";

const EN: ValidationNoticeCopy = {
  headline: (collector, currentCreditor) => ({
    bold: `${collector} is a debt collector.`,
    rest: ` We are trying to collect a debt that you owe to ${currentCreditor}. We will use any information you give us to help collect the debt.`,
  }),
  reference: "Reference:",
  ourInformation: "Our information shows:",
  hadAccount: (creditor, reference) => `You had an account from ${creditor} with account number ${reference}.`,
  asOf: (date) => `As of ${date}, you owed:`,
  between: (date) => `Between ${date} and today:`,
  interest: "You were charged this amount in interest:",
  fees: "You were charged this amount in fees:",
  payments: "You paid or were credited this amount toward the debt:",
  total: "Total amount of the debt now:",
  disputeHeading: "How can you dispute the debt?",
  callOrWrite: (date) => ({
    bold: `Call or write to us by ${date}, to dispute all or part of the debt.`,
    rest: " If you do not, we will assume that our information is correct.",
  }),
  writeToDispute: (date) =>
    `If you write to us by ${date}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents.`,
  disputeOnline: (where) => ` We accept disputes electronically at ${where}.`,
  elseHeading: "What else can you do?",
  originalCreditor: (date) => ({
    bold: "Write to ask for the name and address of the original creditor, if different from the current creditor.",
    rest: ` If you write by ${date}, we must stop collection until we send you that information. You may use the form below or write to us without the form.`,
  }),
  requestOnline: (where) => ` We accept such requests electronically at ${where}.`,
  cfpb: {
    bold: `Go to ${CFPB_URL} to learn more about your rights under federal law.`,
    rest: " For instance, you have the right to stop or limit how we contact you.",
  },
  paymentOptions: "Contact us about your payment options.",
  stateDisclosuresPointer: "Read the additional information about your rights on the next page.",
  contactUs: "Contact us:",
  callUs: (phone, hours) => `Call us at ${phone}${hours ? `, ${hours}` : ""}.`,
  visitUs: (website) => `Visit ${website}.`,
  license: (state, number) => `${state} license no. ${number}`,
  spanishOffer: "Póngase en contacto con nosotros para solicitar una copia de este formulario en español.",
  respondHeading: "How do you want to respond?",
  checkAll: "Check all that apply:",
  disputeBecause: "I want to dispute the debt because I think:",
  notMyDebt: "This is not my debt.",
  amountWrong: "The amount is wrong.",
  other: "Other (please describe on reverse or attach additional information).",
  sendOriginalCreditor: "I want you to send me the name and address of the original creditor.",
  enclosed: "I enclosed this amount:",
  payableTo: (collector, reference) =>
    `Make your check payable to ${collector}. Include the reference number ${reference}.`,
  spanishRequest: "Quiero esta forma en español.",
  mailTo: "Mail this form to:",
  additionalInformation: "Additional information",
};

/**
 * A faithful translation of the same parts. "By <date>" becomes "a más tardar el <date>" (on or before), not
 * "antes del" (strictly before), so the Spanish notice grants the consumer the same last day as the English one.
 */
const ES: ValidationNoticeCopy = {
  headline: (collector, currentCreditor) => ({
    bold: `${collector} es un cobrador de deudas.`,
    rest: ` Estamos tratando de cobrar una deuda que usted le debe a ${currentCreditor}. Usaremos cualquier información que usted nos dé para ayudar a cobrar la deuda.`,
  }),
  reference: "Referencia:",
  ourInformation: "Nuestra información indica:",
  hadAccount: (creditor, reference) => `Usted tenía una cuenta de ${creditor} con el número de cuenta ${reference}.`,
  asOf: (date) => `Al ${date}, usted debía:`,
  between: (date) => `Entre el ${date} y hoy:`,
  interest: "Se le cobró esta cantidad en intereses:",
  fees: "Se le cobró esta cantidad en cargos:",
  payments: "Usted pagó o se le acreditó esta cantidad a la deuda:",
  total: "Cantidad total de la deuda ahora:",
  disputeHeading: "¿Cómo puede disputar la deuda?",
  callOrWrite: (date) => ({
    bold: `Llámenos o escríbanos a más tardar el ${date} para disputar toda la deuda o parte de ella.`,
    rest: " Si no lo hace, supondremos que nuestra información es correcta.",
  }),
  writeToDispute: (date) =>
    `Si nos escribe a más tardar el ${date}, debemos dejar de cobrar cualquier cantidad que usted dispute hasta que le enviemos información que demuestre que usted debe la deuda. Puede usar el formulario a continuación o escribirnos sin el formulario. También puede incluir documentos de respaldo.`,
  disputeOnline: (where) => ` Aceptamos disputas por vía electrónica en ${where}.`,
  elseHeading: "¿Qué más puede hacer?",
  originalCreditor: (date) => ({
    bold: "Escríbanos para pedir el nombre y la dirección del acreedor original, si es diferente del acreedor actual.",
    rest: ` Si nos escribe a más tardar el ${date}, debemos dejar de cobrar hasta que le enviemos esa información. Puede usar el formulario a continuación o escribirnos sin el formulario.`,
  }),
  requestOnline: (where) => ` Aceptamos estas solicitudes por vía electrónica en ${where}.`,
  cfpb: {
    bold: `Visite ${CFPB_URL} para obtener más información sobre sus derechos según la ley federal.`,
    rest: " Por ejemplo, usted tiene derecho a detener o limitar la forma en que nos comunicamos con usted.",
  },
  paymentOptions: "Comuníquese con nosotros para conocer sus opciones de pago.",
  stateDisclosuresPointer: "Lea la información adicional sobre sus derechos en la página siguiente.",
  contactUs: "Comuníquese con nosotros:",
  callUs: (phone, hours) => `Llámenos al ${phone}${hours ? `, ${hours}` : ""}.`,
  visitUs: (website) => `Visite ${website}.`,
  license: (state, number) => `Licencia de ${state} n.º ${number}`,
  // The CFPB's Spanish model omits the offer of a Spanish copy: the reader already has one.
  spanishOffer: null,
  respondHeading: "¿Cómo desea responder?",
  checkAll: "Marque todas las opciones que correspondan:",
  disputeBecause: "Quiero disputar la deuda porque creo que:",
  notMyDebt: "Esta no es mi deuda.",
  amountWrong: "La cantidad es incorrecta.",
  other: "Otro (describa en el reverso o adjunte información adicional).",
  sendOriginalCreditor: "Quiero que me envíen el nombre y la dirección del acreedor original.",
  enclosed: "Adjunto esta cantidad:",
  payableTo: (collector, reference) =>
    `Haga su cheque pagadero a ${collector}. Incluya el número de referencia ${reference}.`,
  spanishRequest: null,
  mailTo: "Envíe este formulario por correo a:",
  additionalInformation: "Información adicional",
};

export const VALIDATION_NOTICE_COPY: Record<LetterLanguage, ValidationNoticeCopy> = { en: EN, es: ES };
