/**
 * The scenario file format (documented for authors in ./README.md): JSON that states facts, a history and a
 * proposed action in words a compliance analyst uses — local times, short ids, defaults for the obvious —
 * parsed here, with an error that names the scenario and the field, into the gate's own types.
 */
import { z } from "zod";
import { CALL_RESULTS, CHANNELS, HOLD_KINDS, PERSON_ROLES, PURPOSES } from "../gate/types";

const time = z.string({ error: 'a time: "YYYY-MM-DD HH:MM[:SS]" local, or ISO with Z or an offset' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date: YYYY-MM-DD");
const ids = z.array(z.string()).min(1);

const repeat = z
  .object({
    count: z.number().int().min(1).max(500),
    everyMinutes: z.number().positive(),
  })
  .strict();

export const eventSchema = z
  .object({
    id: z.string().optional(),
    at: time,
    repeat: repeat.optional(),
    channel: z.enum(CHANNELS),
    direction: z.enum(["inbound", "outbound"]).default("outbound"),
    person: z.string().optional(),
    to: z.string().optional(),
    debts: ids.optional(),
    debtsDiscussed: z.array(z.string()).optional(),
    result: z.enum(CALL_RESULTS).optional(),
    conversation: z.boolean().optional(),
    automated: z.boolean().optional(),
    ringless: z.boolean().optional(),
    purpose: z.enum(PURPOSES).optional(),
    consent: z.string().optional(),
    requestedByPerson: z.boolean().optional(),
    undeliverable: z.boolean().optional(),
    otherCollector: z.boolean().optional(),
    mentionsDebt: z.boolean().optional(),
    inReplyTo: z.string().optional(),
  })
  .strict();

const contactPointSchema = z
  .object({
    id: z.string(),
    person: z.string().optional(),
    kind: z.enum(["phone", "email", "address", "social"]),
    phoneType: z.enum(["mobile", "landline", "work"]).optional(),
    timeZone: z.string().optional(),
    state: z.string().length(2).optional(),
    city: z.string().optional(),
    invalid: z.boolean().optional(),
    personal: z.boolean().optional(),
    employerProvided: z.boolean().optional(),
    tcpaConsentAt: time.optional(),
    sms: z
      .object({ consumerTextedAt: time.optional(), consentAt: time.optional(), reassignedCheckAt: time.optional() })
      .strict()
      .optional(),
    email: z
      .object({
        basis: z.enum(["consumer_used", "consumer_consent", "creditor_notice", "prior_collector"]),
        noticeSentAt: time.optional(),
        optOutDeadline: time.optional(),
      })
      .strict()
      .optional(),
    thirdPartyDisclosureAt: time.optional(),
    esignConsentAt: time.optional(),
    nycEConsentAt: time.optional(),
  })
  .strict();

const contentSchema = z
  .object({
    language: z.enum(["en", "es"]).default("en"),
    text: z.string(),
    html: z.string().optional(),
    subject: z.string().optional(),
    kind: z.enum(["communication", "limited_content", "opt_out_confirmation"]).optional(),
    optOutLinkRequires: z.array(z.string()).optional(),
    mentionsDebt: z.boolean().optional(),
  })
  .strict();

export const actionSchema = z
  .object({
    at: time,
    channel: z.enum(CHANNELS),
    person: z.string().optional(),
    to: z.string().optional(),
    debts: ids.optional(),
    purpose: z.enum(PURPOSES).optional(),
    automated: z.boolean().optional(),
    ringless: z.boolean().optional(),
    inReplyTo: z.string().optional(),
    consent: z.string().optional(),
    content: contentSchema.optional(),
    disputeIndicator: z.boolean().optional(),
    recipientName: z.string().optional(),
    toWorkplace: z.boolean().optional(),
    publiclyVisible: z.boolean().optional(),
    paymentMedium: z.enum(["portal", "phone", "mail", "autopay"]).optional(),
  })
  .strict();

export const factsSchema = z
  .object({
    regime: z.enum(["third_party_collector", "debt_buyer", "first_party_creditor"]).default("third_party_collector"),
    persons: z
      .array(
        z
          .object({
            id: z.string(),
            role: z.enum(PERSON_ROLES).default("consumer"),
            name: z.string().optional(),
            deceased: z.boolean().optional(),
            language: z.enum(["en", "es"]).optional(),
            state: z.string().length(2).optional(),
            city: z.string().optional(),
          })
          .strict(),
      )
      .default([{ id: "C1", role: "consumer" }]),
    contactPoints: z.array(contactPointSchema).default([]),
    debts: z
      .array(
        z
          .object({
            id: z.string(),
            group: z.string().optional(),
            creditor: z.string().optional(),
            limitationEndsOn: date.optional(),
            pastObsolescence: z.boolean().optional(),
            paidInFullAt: time.optional(),
            initialCommunicationAt: time.optional(),
            initialCommunicationIsPleading: z.boolean().optional(),
          })
          .strict(),
      )
      .default([{ id: "D1" }]),
    history: z.array(eventSchema).default([]),
    consents: z
      .array(
        z
          .object({
            id: z.string(),
            person: z.string().optional(),
            debts: z.array(z.string()).optional(),
            receivedAt: time,
            window: z.object({ from: time, to: time }).strict().optional(),
            revokedAt: time.optional(),
            endsOnConversation: z.boolean().optional(),
          })
          .strict(),
      )
      .default([]),
    optOuts: z
      .array(
        z
          .object({
            id: z.string().optional(),
            person: z.string().optional(),
            medium: z.enum(["call", "sms", "email", "letter", "electronic", "all"]),
            to: z.string().optional(),
            at: time,
            source: z.enum(["reply_keyword", "oral", "written", "unsubscribe_link", "complaint", "portal"]).optional(),
          })
          .strict(),
      )
      .default([]),
    designations: z
      .array(
        z
          .object({
            id: z.string().optional(),
            person: z.string().optional(),
            kind: z.enum(["time", "place"]),
            times: z
              .array(
                z
                  .object({
                    from: z.string(),
                    to: z.string(),
                    days: z.array(z.number().int().min(1).max(7)).optional(),
                  })
                  .strict(),
              )
              .optional(),
            place: z.enum(["work", "home", "other"]).optional(),
            contactPoints: z.array(z.string()).optional(),
            mediaNamed: z.array(z.enum(CHANNELS)).optional(),
            at: time,
            endedAt: time.optional(),
          })
          .strict(),
      )
      .default([]),
    holds: z
      .array(
        z
          .object({
            id: z.string().optional(),
            kind: z.enum(HOLD_KINDS),
            person: z.string().optional(),
            debts: z.array(z.string()).optional(),
            placedAt: time,
            releasedAt: time.optional(),
            attorneyAllowsDirectContact: z.boolean().optional(),
            scraAffidavit: z.boolean().optional(),
          })
          .strict(),
      )
      .default([]),
    disputes: z
      .array(
        z
          .object({
            id: z.string().optional(),
            person: z.string().optional(),
            debts: ids.optional(),
            kind: z.enum(["dispute", "original_creditor_request"]).default("dispute"),
            medium: z.enum(["mail", "email", "portal", "in_person", "phone"]),
            receivedAt: time,
            sentAt: time.optional(),
            respondedAt: time.optional(),
          })
          .strict(),
      )
      .default([]),
    disclosures: z
      .array(
        z
          .object({
            kind: z.enum([
              "validation_notice",
              "ny_time_barred_notice",
              "ca_time_barred_notice",
              "tx_time_barred_notice",
              "rosenthal_notice",
              "mini_miranda_written",
            ]),
            debts: ids.optional(),
            at: time,
            medium: z.enum(["mail", "email", "sms", "portal", "phone", "in_person"]),
            language: z.enum(["en", "es"]).optional(),
          })
          .strict(),
      )
      .default([]),
    zones: z.array(z.object({ timeZone: z.string(), source: z.string().default("stated") }).strict()).default([]),
  })
  .strict();

const lintSchema = z
  .object({
    channel: z.enum(["email", "sms", "letter", "voicemail", "portal_message"]),
    kind: z
      .enum([
        "communication",
        "initial_communication",
        "limited_content",
        "opt_out_confirmation",
        "validation_notice",
        "cease_response",
      ])
      .default("communication"),
    language: z.enum(["en", "es"]).default("en"),
    text: z.string(),
    html: z.string().optional(),
    subject: z.string().optional(),
    optOutLinkRequires: z.array(z.string()).optional(),
    context: z
      .object({
        stage: z.enum(["publish", "send"]).default("publish"),
        states: z.array(z.string()).optional(),
        nyc: z.boolean().optional(),
        today: date.optional(),
        validationEndsOn: date.optional(),
        timeBarred: z.union([z.boolean(), z.literal("unknown")]).optional(),
        firstWritten: z.boolean().optional(),
        pastObsolescence: z.boolean().optional(),
        legalReviewApproved: z.boolean().optional(),
      })
      .strict()
      .default({ stage: "publish" }),
  })
  .strict();

const expectSchema = z
  .object({
    decision: z.enum(["allow", "warn", "block"]).optional(),
    rules: z.array(z.string()).optional(),
    rulesExact: z.boolean().optional(),
    notRules: z.array(z.string()).optional(),
    nextAllowedAt: z.union([time, z.null()]).optional(),
  })
  .catchall(z.unknown());

export const checkSchema = z
  .object({
    name: z.string().optional(),
    /** Facts added before this check, and kept for the checks after it (the story moves on). */
    add: factsSchema.partial().optional(),
    policy: z.record(z.string(), z.unknown()).optional(),
    action: actionSchema.optional(),
    lint: lintSchema.optional(),
    validation: z.object({ providedOn: date }).strict().optional(),
    validationDue: z
      .object({
        initialCommunicationOn: date.optional(),
        noticeProvidedOn: date.optional(),
        paidInFullOn: date.optional(),
        pleadingOnly: z.boolean().optional(),
        state: z.string().optional(),
        today: date,
      })
      .strict()
      .optional(),
    dispute: z
      .object({
        kind: z.enum(["dispute", "original_creditor_request"]).default("dispute"),
        medium: z.enum(["mail", "email", "portal", "in_person", "phone"]),
        receivedOn: date,
        sentOn: date.optional(),
        validationEndsOn: date.optional(),
        nyc: z.boolean().optional(),
        respondedOn: date.optional(),
      })
      .strict()
      .optional(),
    itemization: z.record(z.string(), z.unknown()).optional(),
    retention: z.object({ lastCollectionActivityOn: date }).strict().optional(),
    scraNotice: z.object({ releasedOn: date, noticeOn: date }).strict().optional(),
    expect: expectSchema,
  })
  .strict()
  .refine(
    (c) =>
      [c.action, c.lint, c.validation, c.validationDue, c.dispute, c.itemization, c.retention, c.scraNotice].filter(
        Boolean,
      ).length === 1,
    "a check has exactly one of: action, lint, validation, validationDue, dispute, itemization, retention, scraNotice",
  );

export const scenarioSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().optional(),
    rules: z.array(z.string()).default([]),
    source: z.string().optional(),
    timeZone: z.string().default("America/Chicago"),
    policy: z.record(z.string(), z.unknown()).default({}),
    facts: factsSchema.default(factsSchema.parse({})),
    checks: z.array(checkSchema).min(1),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Check = z.output<typeof checkSchema>;
export type FactsInput = z.output<typeof factsSchema>;
