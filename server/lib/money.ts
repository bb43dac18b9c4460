/** Money is integer minor units plus an ISO 4217 currency; formatting is the only place it becomes text. */
export function formatMoney(minor: number, currency = "USD", locale = "en-US"): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  // The currency's own exponent (2 for USD, 0 for JPY) turns minor units back into the major amount.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
