import { describe, expect, it } from "vitest";
import { LEADING_ZERO_STATES, parseState, parseZip } from "./address";
import { currencyExponent, parseCurrency } from "./currency";
import { parseEmail } from "./email";
import { parseName, parseReference, parseTags, parseText, splitFullName } from "./text";
import type { Parsed } from "./types";
import { parseDocumentStatus, parsePaymentMethod, parseTransactionType } from "./vocab";

const value = <T>(r: Parsed<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.message}`);
  return r.value;
};
const message = <T>(r: Parsed<T>): string => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.message;
};

describe("parseEmail", () => {
  it("accepts ordinary addresses, lower-cased", () => {
    expect(value(parseEmail(" Maria.Garcia+bills@Example.COM "))).toBe("maria.garcia+bills@example.com");
    expect(value(parseEmail("o'brien@mail.co.uk"))).toBe("o'brien@mail.co.uk");
    expect(value(parseEmail("a@xn--bcher-kva.example"))).toBe("a@xn--bcher-kva.example");
    expect(value(parseEmail("x_y-z@sub-domain.example.org"))).toBe("x_y-z@sub-domain.example.org");
  });

  it("refuses, saying precisely why", () => {
    const why = (text: string) => message(parseEmail(text)).replace(`"${text}" is not a valid email address: `, "");
    expect(why("bob")).toBe("it has no @");
    expect(why("a@b@c.com")).toBe("it has more than one @");
    expect(why("a@b.com; c@d.com")).toBe("it holds more than one address; keep one per column");
    expect(why("@example.com")).toBe("nothing comes before the @");
    expect(why("bob@")).toBe("nothing comes after the @");
    expect(why("bob smith@x.com")).toBe("it contains a space");
    expect(why("Ann <ann@x.com>")).toBe("it contains a space");
    expect(why("ann<ann@x.com")).toBe('it contains "<" before the @');
    expect(why(".bob@x.com")).toBe("the part before the @ cannot start with a dot or have two dots in a row");
    expect(why("bob..x@x.com")).toBe("the part before the @ cannot start with a dot or have two dots in a row");
    expect(why("bob.@x.com")).toBe("the part before the @ cannot end with a dot");
    expect(why(`${"a".repeat(65)}@x.com`)).toBe("the part before the @ is longer than 64 characters");
    expect(why("bob@example")).toBe('the domain "example" has no ending such as .com');
    expect(why("bob@x..com")).toBe("the domain has an empty part (two dots in a row, or a dot at the start or end)");
    expect(why("bob@x.com.")).toBe("the domain has an empty part (two dots in a row, or a dot at the start or end)");
    expect(why("bob@-x.com")).toBe("a part of the domain starts or ends with -");
    expect(why("bob@x_y.com")).toBe('it contains "_" in the domain');
    expect(why("bob@x.c")).toBe('the domain ending ".c" is not a real one');
    expect(why("bob@x.123")).toBe('the domain ending ".123" is not a real one');
    expect(why("bob@192.168.1.1")).toBe("it uses an IP address instead of a domain");
    expect(why("bob@[192.168.1.1]")).toBe("it uses an IP address instead of a domain");
    expect(why("josé@x.com")).toBe('it contains "é" before the @');
    expect(message(parseEmail("  "))).toBe("is empty");
  });
});

describe("parseState", () => {
  it("accepts codes in any case and full names", () => {
    expect(value(parseState("ca"))).toBe("CA");
    expect(value(parseState("California"))).toBe("CA");
    expect(value(parseState("NEW YORK"))).toBe("NY");
    expect(value(parseState("N.Y."))).toBe("NY");
    expect(value(parseState("District of Columbia"))).toBe("DC");
    expect(value(parseState("Washington, D.C."))).toBe("DC");
    expect(value(parseState("Puerto Rico"))).toBe("PR");
  });

  it("refuses what is not a US state", () => {
    expect(message(parseState("Californa"))).toBe(
      '"Californa" is not a US state: use its 2-letter code (CA, NY, DC) or its full name',
    );
    expect(message(parseState("ZZ"))).toMatch(/^"ZZ" is not a US state/);
    expect(message(parseState("Ontario"))).toMatch(/is not a US state/);
  });
});

describe("parseZip", () => {
  it("accepts 5 digits and ZIP+4, normalised", () => {
    expect(value(parseZip("85004", "AZ"))).toBe("85004");
    expect(value(parseZip("85004-1234", "AZ"))).toBe("85004-1234");
    expect(value(parseZip("850041234", null))).toBe("85004-1234");
    expect(value(parseZip("85004 1234"))).toBe("85004-1234");
  });

  it("restores a dropped leading zero only where every ZIP starts with 0", () => {
    expect([...LEADING_ZERO_STATES].sort()).toEqual(["CT", "MA", "ME", "NH", "NJ", "PR", "RI", "VI", "VT"]);
    expect(value(parseZip("2134", "MA"))).toBe("02134");
    expect(value(parseZip("7001-1234", "NJ"))).toBe("07001-1234");
    const flagged = '"2134" has 4 digits: a spreadsheet may have dropped a leading zero (02134?); write the ZIP code with all 5 digits'; // prettier-ignore
    expect(message(parseZip("2134", "NY"))).toBe(flagged);
    expect(message(parseZip("2134", null))).toBe(flagged);
  });

  it("refuses a ZIP of a state that is not the address's state or its neighbour", () => {
    expect(message(parseZip("10001", "CA"))).toBe('"10001" is a New York ZIP code, but the state is CA');
    expect(value(parseZip("42223", "TN"))).toBe("42223"); // Fort Campbell: a Kentucky ZIP across the line
    expect(value(parseZip("06390", "NY"))).toBe("06390"); // Fishers Island, NY has a Connecticut prefix
    expect(value(parseZip("96799", "AS"))).toBe("96799");
    expect(value(parseZip("00901", "PR"))).toBe("00901");
  });

  it("refuses what is not a ZIP", () => {
    expect(message(parseZip("ABC12"))).toBe(
      '"ABC12" is not a US ZIP code: use 5 digits or ZIP+4 (85004 or 85004-1234)',
    );
    expect(message(parseZip("123"))).toMatch(/is not a US ZIP code/);
    expect(message(parseZip("00012"))).toBe('"00012" is not a ZIP code in use');
  });
});

describe("names", () => {
  it("trims and collapses spaces; a name is required", () => {
    expect(value(parseName("  Maria \t  José\n"))).toBe("Maria José");
    expect(message(parseName("   "))).toBe("is empty: enter the name");
    expect(message(parseName("x".repeat(101)))).toBe("is 101 characters long; a name has at most 100");
  });

  it("splits one name column into first and last name", () => {
    const split = (text: string) => value(splitFullName(text));
    expect(split("Smith, John")).toEqual({ firstName: "John", lastName: "Smith", kind: "person" });
    expect(split("John  Smith")).toEqual({ firstName: "John", lastName: "Smith", kind: "person" });
    expect(split("Mary Ann de la Cruz")).toEqual({ firstName: "Mary Ann", lastName: "de la Cruz", kind: "person" });
    expect(split("John Smith, Jr.")).toEqual({ firstName: "John", lastName: "Smith Jr.", kind: "person" });
    expect(split("Jean-Luc Picard III")).toEqual({ firstName: "Jean-Luc", lastName: "Picard III", kind: "person" });
    expect(split("Al Smith")).toEqual({ firstName: "Al", lastName: "Smith", kind: "person" });
    expect(split("Cher")).toEqual({ firstName: "", lastName: "Cher", kind: "single" });
    expect(split("Smith, John:Kitchen remodel")).toEqual({ firstName: "John", lastName: "Smith", kind: "person" });
  });

  it("keeps an organization's name whole as the last name", () => {
    for (const name of [
      "Acme Roofing LLC",
      "Smith & Sons",
      "Desert Health Partners",
      "7-Eleven",
      "Estate of John Smith",
      "Bank of the West",
    ]) {
      // prettier-ignore
      expect(value(splitFullName(name))).toEqual({ firstName: "", lastName: name, kind: "organization" });
    }
  });

  it("refuses an empty name or one with two commas", () => {
    expect(message(splitFullName(" "))).toBe("is empty: enter the debtor's name");
    expect(message(splitFullName("Smith, John, Bob"))).toBe('"Smith, John, Bob" has more than one comma: write "Last, First"'); // prettier-ignore
  });
});

describe("text, references and tags", () => {
  it("collapses free text and bounds it", () => {
    expect(value(parseText(" 1200  W\nWashington St "))).toBe("1200 W Washington St");
    expect(message(parseText("x".repeat(201)))).toBe("is 201 characters long; at most 200 are kept");
  });

  it("keeps references exact but trimmed, and spots spreadsheet damage", () => {
    expect(value(parseReference("  INV  001 "))).toBe("INV  001");
    expect(message(parseReference("1.23457E+11"))).toBe(
      '"1.23457E+11" is a number a spreadsheet shortened to scientific notation, so the real reference is lost: format the column as text and export again',
    );
    expect(message(parseReference("A\tB"))).toBe('"A\tB" contains a line break or control character');
    expect(message(parseReference("x".repeat(101)))).toBe("is 101 characters long; a reference has at most 100");
  });

  it("splits tags on ; and |, lower-cased and distinct", () => {
    expect(value(parseTags("Hardship; spanish|skip-trace;;hardship"))).toEqual(["hardship", "spanish", "skip-trace"]);
    expect(message(parseTags("skip trace"))).toBe(
      'tag "skip trace" may use only letters, digits, - and _ (e.g. skip-trace); separate tags with ; or |',
    );
    expect(message(parseTags(Array.from({ length: 21 }, (_, i) => `t${i}`).join(";")))).toBe(
      "has 21 tags; an account has at most 20",
    );
  });
});

describe("currency", () => {
  it("accepts ISO codes in any case and knows their decimals", () => {
    expect(value(parseCurrency("usd"))).toBe("USD");
    expect(value(parseCurrency(" EUR "))).toBe("EUR");
    expect([currencyExponent("USD"), currencyExponent("JPY"), currencyExponent("KWD")]).toEqual([2, 0, 3]);
  });

  it("refuses unknown codes", () => {
    expect(message(parseCurrency("XYZ"))).toBe('"XYZ" is not a currency we know: use an ISO 4217 code such as USD, CAD or EUR'); // prettier-ignore
    expect(message(parseCurrency("dollars"))).toBe('"dollars" is not a currency code: use 3 letters such as USD, CAD or EUR'); // prettier-ignore
  });
});

describe("vocabularies", () => {
  it("normalises payment methods", () => {
    const m = (t: string) => value(parsePaymentMethod(t));
    expect(["Visa", "credit card", "AMEX", "Debit Card"].map(m)).toEqual(["card", "card", "card", "card"]);
    expect(["ACH", "e-check", "Bank Transfer", "EFT"].map(m)).toEqual(["ach", "ach", "ach", "ach"]);
    expect(["Cheque", "CHK", "Check"].map(m)).toEqual(["check", "check", "check"]);
    expect(["cash", "Wire Transfer", "Money Order", "Other"].map(m)).toEqual(["cash", "other", "other", "other"]);
    expect(message(parsePaymentMethod("chek"))).toBe(
      '"chek" is not a payment method we know: use card, ACH, check, cash or other',
    );
  });

  it("tells debts from documents that are not", () => {
    for (const status of ["open", "OVERDUE", "past_due", "uncollectible", "AUTHORISED", "Awaiting Payment"]) {
      expect(parseDocumentStatus(status).ok, status).toBe(true);
    }
    expect(message(parseDocumentStatus("PAID"))).toBe('"PAID": this invoice is paid, so it is not a debt to collect');
    expect(message(parseDocumentStatus("VOIDED"))).toBe('"VOIDED": this invoice is void, so it is not a debt to collect'); // prettier-ignore
    expect(message(parseDocumentStatus("draft"))).toBe('"draft": this invoice is a draft, not yet sent, so it is not a debt to collect'); // prettier-ignore
    expect(message(parseDocumentStatus("pending"))).toMatch(/^"pending" is not a status we know/);
    expect(parseTransactionType("Invoice").ok).toBe(true);
    expect(message(parseTransactionType("Payment"))).toBe('"Payment" is not an Invoice: only Invoice rows are imported as debts'); // prettier-ignore
  });
});
