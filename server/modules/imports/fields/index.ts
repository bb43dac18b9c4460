/**
 * The field layer of file imports: what columns mean (catalogue, presets, automatic mapping), how each cell is
 * read (value parsers), and row validation into records ready to upsert. Pure: no I/O, no database.
 */
export type { Parsed } from "./types";
export type { Row, RowError, AccountRecord, PaymentRecord, ContactRecord, PhoneContact, EmailContact, AddressContact } from "./records"; // prettier-ignore

export {
  ACCOUNT_FIELDS,
  PAYMENT_FIELDS,
  ACCOUNT_FIELD_DEFINITIONS,
  PAYMENT_FIELD_DEFINITIONS,
  REQUIREMENTS,
  fieldsOf,
  fieldDefinitions,
  fieldDefinition,
  missingRequirements,
  templateColumns,
  templateCsv,
  templateLegendCsv,
  type ImportKind,
  type AccountField,
  type PaymentField,
  type FieldKey,
  type FieldDefinition,
  type Requirement,
  type TemplateColumn,
} from "./catalogue";

export {
  PRESETS,
  presetById,
  applyPreset,
  detectPreset,
  autoMap,
  fieldForHeader,
  normaliseHeader,
  type ColumnMapping,
  type Preset,
  type PresetId,
  type PresetColumn,
  type DetectedPreset,
  type AutoMapResult,
} from "./presets";

export { parseAmount, type AmountOptions, type DecimalSeparator } from "./amount";
export {
  parseDate,
  readDate,
  inferDateFormat,
  MIN_YEAR,
  MAX_YEAR,
  TWO_DIGIT_YEAR_PIVOT,
  type DateFormat,
  type DateOptions,
  type DateReading,
  type DateFormatInference,
} from "./date";
export { CURRENCY_CODES, currencyExponent, isCurrencyCode, parseCurrency, type CurrencyCode } from "./currency";
export { parseEmail } from "./email";
export { createPhoneParser, type PhoneParser } from "./phone-field";
export { parseState, parseZip, stateName, LEADING_ZERO_STATES, type UsStateCode } from "./address";
export { parseName, parseText, parseReference, parseTags, splitFullName, collapseSpaces, type SplitName } from "./text";
export {
  parseDocumentStatus,
  parseTransactionType,
  parsePaymentMethod,
  PAYMENT_METHODS,
  type PaymentMethod,
} from "./vocab";
export { RefTracker, rowFingerprint, type FirstSeen } from "./ref-tracker";
export {
  createRowValidator,
  checkMapping,
  type RowValidator,
  type RowValidatorConfig,
  type ValidatorOptions,
  type SourceFormat,
  type Validation,
} from "./row-validator";
