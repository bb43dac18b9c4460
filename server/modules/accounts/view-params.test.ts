import { describe, expect, it } from "vitest";
import { planSearch } from "./account-filters";
import { viewFromParams, viewToParams, type AccountView } from "./accounts.schemas";

describe("the list's URL form", () => {
  it("round-trips every filter, the order and the page", () => {
    const view: AccountView = {
      q: "Dana Doe",
      status: ["active", "promised"],
      bucket: ["31-60"],
      creditorId: "0b4f4b1e-6d2a-4c55-9a43-2a7b8f5c1d00",
      state: "CA",
      assignee: "unassigned",
      minBalance: 10_000,
      maxBalance: 250_000,
      minDpd: 30,
      maxDpd: 90,
      tags: ["hardship", "skip-trace"],
      hasHold: ["dispute", "cease"],
      minDaysSinceContact: 7,
      maxDaysSinceContact: 30,
      neverContacted: true,
      promise: ["broken", "none"],
      sort: "lastContact",
      dir: "asc",
      page: 3,
    };
    expect(viewFromParams(viewToParams(view))).toEqual(view);
    expect(viewFromParams(viewToParams({ hasHold: "none" }))).toEqual({ hasHold: "none" });
    expect(viewToParams({}).toString()).toBe("");
  });

  it("reads leniently: invalid values and a crossed range's maximum are dropped, never an error", () => {
    const sp = new URLSearchParams(
      "status=active,bogus&bucket=61-90&state=california&minDpd=90&maxDpd=30&minBalance=-5&tags=ok,bad%20tag" +
        "&hasHold=any,dispute&promise=kept&sort=colour&dir=sideways&page=0&assignee=nobody&creditorId=x",
    );
    expect(viewFromParams(sp)).toEqual({
      status: ["active"],
      bucket: ["61-90"],
      minDpd: 90,
      tags: ["ok"],
      hasHold: ["dispute"],
      promise: ["kept"],
    });
    // Next's searchParams object (repeated keys as arrays) reads the same.
    expect(viewFromParams({ status: ["active", "paid"], q: "  smith " })).toEqual({
      status: ["active", "paid"],
      q: "smith",
    });
  });
});

describe("what a search looks like", () => {
  it("runs only the lookups the input can match", () => {
    expect(planSearch("Jonhson")).toMatchObject({
      text: "jonhson",
      name: true,
      reference: true,
      phone: null,
      email: null,
    });
    expect(planSearch("  Dana   Doe ")).toMatchObject({ text: "dana doe", name: true, reference: false });
    expect(planSearch("(415) 555-0123")).toMatchObject({ phone: "+14155550123", name: false, reference: false });
    expect(planSearch("415.555.0123").phone).toBe("+14155550123");
    expect(planSearch("+44 20 7946 0958").phone).toBe("+442079460958");
    expect(planSearch("CRED-00123")).toMatchObject({ reference: true, name: false, phone: null });
    expect(planSearch("Dana.Doe@Example.COM")).toMatchObject({
      email: "dana.doe@example.com",
      name: false,
      reference: false,
    });
    expect(planSearch("12345").phone).toBeNull(); // too short for a phone number: a reference
  });
});
