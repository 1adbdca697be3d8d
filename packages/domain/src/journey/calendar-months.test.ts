import { describe, expect, it } from "vitest";
import { addCalendarMonths, followUpDueDates } from "./calendar-months";

describe("addCalendarMonths", () => {
  it.each([
    ["2026-01-15", 3, "2026-04-15"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-05-01", -12, "2025-05-01"],
    ["2024-02-29", -12, "2023-02-28"],
  ])("%s + %d months → %s", (day, months, expected) => {
    expect(addCalendarMonths(day, months)).toBe(expected);
  });
});

describe("followUpDueDates", () => {
  it("asks at 3 and 6 months after closure", () => {
    expect(followUpDueDates("2026-11-29")).toEqual([
      { monthsAfter: "3", dueOn: "2027-02-28" },
      { monthsAfter: "6", dueOn: "2027-05-29" },
    ]);
  });
});
