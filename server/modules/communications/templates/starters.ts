import type { CreateTemplateInput } from "../communications.schemas";

/**
 * Texts that pass the publish check, per channel and language: the demo organization's first templates, and
 * what a new template starts from so an admin edits rather than starts blank. Pure data (the editor imports it).
 */
export const STARTER_TEMPLATES: CreateTemplateInput[] = [
  {
    name: "Payment reminder",
    channel: "email",
    language: "en",
    subject: "Your {{creditor.name}} account {{account.reference}}",
    body: [
      "Hello {{debtor.first_name}},",
      "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.",
      "Your account {{account.reference}} with {{creditor.name}} has a balance of {{account.balance}}. You can pay, set up a payment plan or tell us you dispute the debt at {{portal.link}}",
      "Questions? Call us at {{org.phone}}, {{org.hours}}.",
      "To stop emails to this address, unsubscribe here: {{unsubscribe_url}}",
    ].join("\n\n"),
  },
  {
    name: "Recordatorio de pago",
    channel: "email",
    language: "es",
    subject: "Su cuenta {{account.reference}} de {{creditor.name}}",
    body: [
      "Hola {{debtor.first_name}}:",
      "Esta comunicación es de un cobrador de deudas. Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito.",
      "Su cuenta {{account.reference}} con {{creditor.name}} tiene un saldo de {{account.balance}}. Puede pagar, acordar un plan de pagos o disputar la deuda en {{portal.link}}",
      "¿Preguntas? Llámenos al {{org.phone}}, {{org.hours}}.",
      "Para dejar de recibir correos en esta dirección, dese de baja aquí: {{unsubscribe_url}}",
    ].join("\n\n"),
  },
  {
    name: "Payment reminder",
    channel: "sms",
    language: "en",
    body: "{{org.name}}: This communication is from a debt collector. {{debtor.first_name}}, your {{creditor.name}} balance is {{account.balance}}. Pay or set up a plan: {{portal.link}} Reply STOP to stop texts to this telephone number.",
  },
  {
    name: "Recordatorio de pago",
    channel: "sms",
    language: "es",
    body: "{{org.name}}: Esta comunicación es de un cobrador de deudas. {{debtor.first_name}}, su saldo con {{creditor.name}} es {{account.balance}}. Pague o acuerde un plan: {{portal.link}} Responda STOP para dejar de recibir mensajes de texto en este número.",
  },
  {
    name: "Payment reminder letter",
    channel: "letter",
    language: "en",
    body: [
      "Dear {{debtor.full_name}},",
      "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.",
      "Our records show a balance of {{account.balance}} on your {{creditor.name}} account {{account.reference}}. Please pay it, or contact us to agree a payment plan that fits your budget.",
      "You can pay or see your account at {{portal.link}}, call us at {{org.phone}} ({{org.hours}}) or write to us at {{org.address}}.",
      "Sincerely,\n{{org.name}}",
    ].join("\n\n"),
  },
  {
    name: "Carta de recordatorio de pago",
    channel: "letter",
    language: "es",
    body: [
      "Estimado/a {{debtor.full_name}}:",
      "Esta comunicación es de un cobrador de deudas. Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito.",
      "Nuestros registros muestran un saldo de {{account.balance}} en su cuenta {{account.reference}} de {{creditor.name}}. Por favor páguelo, o comuníquese con nosotros para acordar un plan de pagos que se ajuste a su presupuesto.",
      "Puede pagar o consultar su cuenta en {{portal.link}}, llamarnos al {{org.phone}} ({{org.hours}}) o escribirnos a {{org.address}}.",
      "Atentamente,\n{{org.name}}",
    ].join("\n\n"),
  },
  {
    name: "Callback request",
    channel: "voicemail",
    language: "en",
    kind: "limited_content",
    body: "Hi, this is {{agent.first_name}} calling from {{org.name}}. Please contact me or any of our representatives at {{org.phone}}, {{org.hours}}.",
  },
  {
    name: "Solicitud de llamada",
    channel: "voicemail",
    language: "es",
    kind: "limited_content",
    body: "Hola, le habla {{agent.first_name}} de {{org.name}}. Por favor comuníquese conmigo al {{org.phone}}, {{org.hours}}. Puede hablar con cualquiera de nuestros representantes.",
  },
];

/** The starter for a new template: its channel in its language, else in English. */
export function starterFor(channel: CreateTemplateInput["channel"], language: "en" | "es") {
  const of = (lang: "en" | "es") => STARTER_TEMPLATES.find((t) => t.channel === channel && t.language === lang);
  const starter = of(language) ?? of("en")!;
  return { subject: starter.subject, body: starter.body, kind: starter.kind ?? "communication" };
}
