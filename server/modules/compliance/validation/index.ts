/** Regulation F validation notices and disputes (12 CFR 1006.34, 1006.38): pure date and rule logic. */
export {
  addBusinessDays,
  addDays,
  assertPlainDate,
  dayOfWeek,
  daysBetween,
  federalHolidays,
  isExcludedDay,
  isPlainDate,
  type DayOfWeek,
  type FederalHoliday,
  type PlainDate,
} from "./calendar";
export {
  assumedReceiptOn,
  buildItemization,
  formatMinorAmount,
  ITEMIZATION_DATE_TYPES,
  validationDueOn,
  validationPeriodEndsOn,
  validationStatus,
  type ItemizationDateType,
  type ItemizationError,
  type ItemizationInput,
  type ItemizationNotice,
  type ItemizationResult,
  type ValidationStatus,
  type ValidationStatusInput,
} from "./notice";
export {
  disputeOutcome,
  type DisputeHoldRule,
  type DisputeInput,
  type DisputeKind,
  type DisputeMedium,
  type DisputeOutcome,
} from "./disputes";
export { retentionLock, scraNotice } from "./deadlines";
