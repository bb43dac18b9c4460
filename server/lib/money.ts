/** Money is integer minor units plus an ISO 4217 currency; formatting is the only place it becomes text. */
export type Money = { minor: number; currency: string };

const minorDigits = (currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

export function formatMoney(minor: number, currency = "USD", locale = "en-US"): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits }).format(
    minor / 10 ** digits,
  );
}

export function sumMinor(...values: number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`Not an integer amount of minor units: ${v}`);
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError("Amount overflows the safe integer range");
  return total;
}
