import { describe, expect, it } from "vitest";
import { retentionLock, scraNotice } from "./deadlines";

describe("record retention (REC-01)", () => {
  it("locks records through three years after the last collection activity, inclusive", () => {
    expect(retentionLock("2026-05-01")).toEqual({ retainUntil: "2029-05-01", deletableFrom: "2029-05-02" });
  });
  it("keeps a leap day's records until 28 February", () => {
    expect(retentionLock("2028-02-29")).toEqual({ retainUntil: "2031-02-28", deletableFrom: "2031-03-01" });
  });
});

describe("SCRA notice (SCRA-02)", () => {
  it("accepts notice on day 180 after release and not on day 181", () => {
    expect(scraNotice({ releasedOn: "2026-01-15", noticeOn: "2026-07-14" })).toEqual({
      deadlineOn: "2026-07-14",
      day: 180,
      timely: true,
    });
    expect(scraNotice({ releasedOn: "2026-01-15", noticeOn: "2026-07-15" })).toMatchObject({ day: 181, timely: false });
  });
});
