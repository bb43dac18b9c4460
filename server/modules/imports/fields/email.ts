import { toParsed, type Failure, type Parsed, type TextOutcome } from "./types";

/**
 * An email cell → the address lower-cased. What is refused, and why (the check is deliberately that of ordinary
 * mailbox addresses, not all that RFC 5322 allows, because an address a mail system would bounce is no contact):
 * - no @, or more than one; several addresses in one cell (separated by ; , or spaces);
 * - nothing before or after the @; a local part over 64 characters; a whole address over 254;
 * - characters outside letters, digits and !#$%&'*+/=?^_`{|}~.- before the @ (so no quoted local parts, spaces
 *   or display names such as "Ann <ann@x.com>"); a dot at the start or end of the local part, or two in a row;
 * - a domain that is an IP address, has a single label (no ".com"), an empty label, a label over 63 characters,
 *   characters other than letters, digits and "-", a label starting or ending with "-", or a top-level domain that
 *   is not letters (at least 2) or an xn-- name; non-ASCII addresses (their xn-- form is accepted).
 */
function refuse(text: string, why: string): Failure {
  return { ok: false, message: `"${text}" is not a valid email address: ${why}` };
}

const LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

export function parseEmail(raw: string): Parsed<string> {
  return toParsed(emailOr(raw));
}

/** parseEmail without the result object: the value, or a Failure. */
export function emailOr(raw: string): TextOutcome<string> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  const at = text.indexOf("@");
  if (at < 0) return refuse(text, "it has no @");
  if (text.indexOf("@", at + 1) >= 0) {
    return refuse(
      text,
      /[\s,;]/.test(text) ? "it holds more than one address; keep one per column" : "it has more than one @",
    );
  }
  if (text.length > 254) return refuse(text, "it is longer than 254 characters");
  if (at === 0) return refuse(text, "nothing comes before the @");
  if (at === text.length - 1) return refuse(text, "nothing comes after the @");
  if (at > 64) return refuse(text, "the part before the @ is longer than 64 characters");
  // Checked on the text as written (A–Z count as letters); lower-cased at the end, only if it has capitals.
  let upper = false;
  let previous = 46; // a dot "before" the start catches a leading dot
  for (let i = 0; i < at; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper = true;
      c += 32;
    }
    if (c === 46) {
      if (previous === 46)
        return refuse(text, "the part before the @ cannot start with a dot or have two dots in a row");
    } else if (!isAlnum(c) && !LOCAL_SPECIALS.includes(text[i]!)) {
      return refuse(text, c === 32 ? "it contains a space" : `it contains "${text[i]}" before the @`);
    }
    previous = c;
  }
  if (previous === 46) return refuse(text, "the part before the @ cannot end with a dot");
  if (text.charCodeAt(at + 1) === 91 /* [ */) return refuse(text, "it uses an IP address instead of a domain");
  // The domain, label by label.
  let labels = 0;
  let numericLabels = 0;
  let start = at + 1;
  let tldLetters = true;
  for (let i = at + 1; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 46;
    if (c >= 65 && c <= 90) {
      upper = true;
      c += 32;
    }
    if (c !== 46) {
      if (!isAlnum(c) && c !== 45) {
        return refuse(text, c === 32 ? "it contains a space" : `it contains "${text[i]}" in the domain`);
      }
      if (c < 97) tldLetters = false;
      continue;
    }
    const length = i - start;
    if (length === 0)
      return refuse(text, "the domain has an empty part (two dots in a row, or a dot at the start or end)");
    if (length > 63) return refuse(text, "a part of the domain is longer than 63 characters");
    if (text.charCodeAt(start) === 45 || text.charCodeAt(i - 1) === 45) {
      return refuse(text, "a part of the domain starts or ends with -");
    }
    labels++;
    let numeric = true;
    for (let k = start; k < i && numeric; k++) numeric = text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
    if (numeric) numericLabels++;
    if (i === text.length) {
      if (labels < 2)
        return refuse(text, `the domain "${text.slice(at + 1).toLowerCase()}" has no ending such as .com`);
      if (labels === 4 && numericLabels === 4) return refuse(text, "it uses an IP address instead of a domain");
      // A top-level domain: 2+ letters, or an internationalised one in its xn-- form.
      const idn = length > 4 && text.slice(start, start + 4).toLowerCase() === "xn--";
      if (!idn && (length < 2 || !tldLetters)) {
        return refuse(text, `the domain ending ".${text.slice(start).toLowerCase()}" is not a real one`);
      }
    }
    tldLetters = true;
    start = i + 1;
  }
  const email = upper ? text.toLowerCase() : text;
  return email;
}
