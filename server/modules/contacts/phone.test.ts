import { describe, expect, it } from "vitest";
import { US_STATES } from "@/db/seed/us-geo";
import { ValidationError } from "@/server/lib/errors";
import { addContactPointInput, US_STATE_CODES } from "./contacts.schemas";
import { formatPhone, parsePhone } from "./phone";
import { addressTimeZone, phoneTimeZone } from "./time-zone";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe("value");
    return (error as ValidationError).issues[0]!.message;
  }
  throw new Error("expected a ValidationError");
}

describe("phone numbers", () => {
  it("normalises every common way of writing a US number to one E.164 value", () => {
    for (const text of ["(602) 555-0143", "602.555.0143", "+1 602 555 0143", "1-602-555-0143", "6025550143"]) {
      expect(parsePhone(text)).toMatchObject({ e164: "+16025550143", country: "US", areaCode: 602 });
    }
    expect(formatPhone("+16025550143")).toBe("(602) 555-0143");
  });

  it("refuses what is not a real number, saying why", () => {
    expect(messageOf(() => parsePhone("555-0100"))).toMatch(/"555-0100" is not a valid North American number/);
    expect(messageOf(() => parsePhone("+1 000 000 0000"))).toMatch(/"\+1 000 000 0000" is not a valid North American/);
    expect(messageOf(() => parsePhone("call me maybe"))).toMatch(/contains letters/);
    expect(messageOf(() => parsePhone("1-800-FLOWERS"))).toMatch(/contains letters/);
    expect(messageOf(() => parsePhone("602-555-01439"))).toMatch(/not a valid/);
    expect(messageOf(() => parsePhone("+999 1234"))).toMatch(/not|too short|country/i);
    expect(messageOf(() => parsePhone("  "))).toMatch(/empty/);
  });

  it("knows the line type only where the numbering plan says it", () => {
    expect(parsePhone("+44 7911 123456")).toMatchObject({ type: "mobile", areaCode: undefined });
    expect(parsePhone("(602) 555-0143").type).toBeUndefined(); // NANP numbers do not tell mobile from landline
    expect(formatPhone("+447911123456")).toBe("+44 7911 123456");
  });
});

describe("time zones", () => {
  it("derives a phone's zone from its area code, and only when the code lies in one zone", () => {
    expect(phoneTimeZone(parsePhone("(602) 555-0143"))).toEqual({
      timeZone: "America/Phoenix",
      timeZoneSource: "area_code",
    });
    expect(phoneTimeZone(parsePhone("(915) 555-0143")).timeZone).toBe("America/Denver"); // El Paso
    expect(phoneTimeZone(parsePhone("(212) 555-0143")).timeZone).toBe("America/New_York");
    expect(phoneTimeZone(parsePhone("(208) 555-0143"))).toEqual({ timeZone: null, timeZoneSource: null }); // Idaho
    expect(phoneTimeZone(parsePhone("+44 7911 123456")).timeZone).toBeNull();
  });

  it("derives an address's zone from its state, or from the ZIP where the state is split", () => {
    expect(addressTimeZone({ state: "NY", postalCode: "10001" })).toEqual({
      timeZone: "America/New_York",
      timeZoneSource: "address_state",
    });
    expect(addressTimeZone({ state: "TX", postalCode: "77002" })).toEqual({
      timeZone: "America/Chicago",
      timeZoneSource: "address_zip",
    });
    expect(addressTimeZone({ state: "TX", postalCode: "79901-1234" }).timeZone).toBe("America/Denver");
    expect(addressTimeZone({ state: "AZ", postalCode: "85004" }).timeZone).toBe("America/Phoenix");
    expect(addressTimeZone({ state: "AZ", postalCode: "86001" }).timeZone).toBeNull(); // Flagstaff or Navajo Nation
    expect(addressTimeZone({ state: "PR", postalCode: "00901" }).timeZone).toBe("America/Puerto_Rico");
  });

  it("accepts every state the geography knows", () => {
    for (const state of US_STATES) expect(US_STATE_CODES).toContain(state.code);
  });
});

describe("contact point input", () => {
  const accountId = "00000000-0000-4000-8000-000000000000";

  it("lower-cases emails and refuses bad ones with a clear message", () => {
    const ok = addContactPointInput.parse({ accountId, kind: "email", value: "  Dana.Doe@Example.COM " });
    expect(ok).toMatchObject({ value: "dana.doe@example.com", source: "agent" });
    for (const bad of ["not-an-email", "dana@", "dana doe@example.com", "@example.com"]) {
      const result = addContactPointInput.safeParse({ accountId, kind: "email", value: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/is not a valid email address/);
    }
  });

  it("checks addresses: state code, ZIP shape, and normalises ZIP+4", () => {
    const base = {
      accountId,
      kind: "address",
      line1: "1 Main  St",
      city: "Phoenix",
      state: "az",
      postalCode: "850041234",
    };
    expect(addContactPointInput.parse(base)).toMatchObject({
      line1: "1 Main St",
      state: "AZ",
      postalCode: "85004-1234",
    });
    const badState = addContactPointInput.safeParse({ ...base, state: "ZZ" });
    expect(badState.error!.issues.map((i) => i.message)).toEqual(['"ZZ" is not a US state code (e.g. AZ, NY, DC)']);
    const badZip = addContactPointInput.safeParse({ ...base, postalCode: "8500" });
    expect(badZip.error!.issues[0]).toMatchObject({ path: ["postalCode"], message: expect.stringMatching(/5 digits/) });
    const noStreet = addContactPointInput.safeParse({ ...base, line1: " " });
    expect(noStreet.error!.issues[0]!.message).toBe("Enter the street address");
  });
});
