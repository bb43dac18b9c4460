import { parsePhoneNumberWithError, ParseError, type PhoneNumber } from "libphonenumber-js/max";
import { ValidationError } from "@/server/lib/errors";
import type { PhoneType } from "./contacts.schemas";

export type ParsedPhone = {
  /** E.164, e.g. +16025550143. */
  e164: string;
  /** ISO country the number belongs to, when the library can tell. */
  country: string | undefined;
  /** What the numbering plan says about the line, when it can tell (US numbers usually cannot). */
  type: PhoneType | undefined;
  /** NANP area code for +1 numbers. */
  areaCode: number | undefined;
};

const PARSE_MESSAGES: Record<string, string> = {
  NOT_A_NUMBER: "is not a phone number",
  INVALID_COUNTRY: "needs a country code (start with +) unless it is a US number",
  TOO_SHORT: "is too short to be a phone number",
  TOO_LONG: "is too long to be a phone number",
  INVALID_LENGTH: "has the wrong number of digits",
};

function libraryType(phone: PhoneNumber): PhoneType | undefined {
  switch (phone.getType()) {
    case "MOBILE":
      return "mobile";
    case "FIXED_LINE":
      return "landline";
    default:
      return undefined;
  }
}

/**
 * Parses and validates with libphonenumber's full metadata (a regex cannot know which area codes and exchanges
 * exist). Numbers without a country code are read as US numbers. Throws a ValidationError on `path`.
 */
export function parsePhone(raw: string, path = "value"): ParsedPhone {
  const text = raw.trim();
  const fail = (why: string): never => {
    const message = `"${text}" ${why}`;
    throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
  };
  if (!text) fail("is empty: enter a phone number");
  // Vanity numbers and extensions are refused rather than silently rewritten or dropped.
  if (/[a-z]/i.test(text)) fail("contains letters: enter digits only");
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, "US");
  } catch (error) {
    if (error instanceof ParseError) return fail(PARSE_MESSAGES[error.message] ?? "is not a valid phone number");
    throw error;
  }
  if (!phone.isValid()) {
    fail(
      phone.countryCallingCode === "1"
        ? "is not a valid North American number: it needs a real 3-digit area code and a 7-digit number"
        : "is not a valid phone number for its country",
    );
  }
  return {
    e164: phone.number,
    country: phone.country,
    type: libraryType(phone),
    areaCode: phone.countryCallingCode === "1" ? Number(phone.nationalNumber.slice(0, 3)) : undefined,
  };
}

/** How a stored E.164 number is shown: national format at home, international otherwise. */
export function formatPhone(e164: string): string {
  try {
    const phone = parsePhoneNumberWithError(e164);
    return phone.country === "US" ? phone.formatNational() : phone.formatInternational();
  } catch {
    return e164;
  }
}
