import { describe, expect, it } from "vitest";
import {
  datePartsToIso,
  dayToTimestamp,
  dueInWords,
  formatDateTime,
  formatDay,
  isoToDateParts,
  todayIso,
} from "./dates";

describe("dates in words", () => {
  const today = "2026-11-23";

  it("says a future due date with its weekday, leaving out this year", () => {
    expect(dueInWords("2026-11-28", today)).toBe("by Saturday 28 November");
    expect(dueInWords("2027-01-08", today)).toBe("by Friday 8 January 2027");
  });

  it("says today, tomorrow and past due dates plainly", () => {
    expect(dueInWords("2026-11-23", today)).toBe("due today");
    expect(dueInWords("2026-11-24", today)).toBe("by tomorrow, Tuesday 24 November");
    expect(dueInWords("2026-11-18", today)).toBe("was due Wednesday 18 November");
  });

  it("formats a timestamp's day and time in UK time", () => {
    expect(formatDay("2026-10-14T06:24:07.734Z")).toBe("14 October 2026");
    expect(formatDateTime("2026-07-01T13:05:00Z")).toBe("1 July 2026 at 2:05pm");
    expect(formatDateTime("2026-12-01T09:00:00Z")).toBe("1 December 2026 at 9am");
  });

  it("takes the UK date, not UTC's, near midnight in summer", () => {
    expect(todayIso(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });
});

describe("the date input's boxes", () => {
  it("turns real dates into YYYY-MM-DD and refuses impossible ones", () => {
    expect(datePartsToIso({ day: "7", month: "3", year: "2027" })).toBe("2027-03-07");
    expect(datePartsToIso({ day: "31", month: "2", year: "2027" })).toBeNull();
    expect(datePartsToIso({ day: "", month: "3", year: "2027" })).toBeNull();
    expect(datePartsToIso({ day: "1", month: "13", year: "2027" })).toBeNull();
  });

  it("fills the boxes from a stored date", () => {
    expect(isoToDateParts("2027-03-07")).toEqual({ day: "7", month: "3", year: "2027" });
  });

  it("never makes a chosen day a moment in the future", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    expect(dayToTimestamp("2026-11-23", now)).toBe(now.toISOString());
    expect(dayToTimestamp("2026-11-20", now)).toBe("2026-11-20T12:00:00.000Z");
  });
});
