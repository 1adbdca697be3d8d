import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  defaultNextReviewOn,
  firstTacDueOn,
  isWeekend,
} from "./journey-dates";

describe("working days", () => {
  it.each([
    // Monday + 1 → Tuesday; Friday + 1 → Monday; Saturday + 1 → Monday.
    ["2026-11-23", 1, "2026-11-24"],
    ["2026-11-27", 1, "2026-11-30"],
    ["2026-11-28", 1, "2026-11-30"],
    ["2026-11-23", 5, "2026-11-30"],
    ["2026-11-23", 0, "2026-11-23"],
  ] as const)("%s + %i working days is %s", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("puts the first TAC 15 working days (three weeks) after a Monday completion", () => {
    expect(firstTacDueOn("2026-11-02", 15)).toBe("2026-11-23");
  });

  it("holds for 500 starts and lengths: never a weekend, exactly n working days between", () => {
    let seed = 7;
    for (let run = 0; run < 500; run += 1) {
      seed = (seed * 48_271) % 2_147_483_647;
      const from = addDays("2026-01-01", seed % 700);
      const n = 1 + (seed % 40);
      const due = addWorkingDays(from, n);
      expect(isWeekend(due)).toBe(false);
      let counted = 0;
      for (let day = addDays(from, 1); day <= due; day = addDays(day, 1)) {
        if (!isWeekend(day)) counted += 1;
      }
      expect(counted).toBe(n);
    }
  });
});

describe("next review", () => {
  it("defaults to the earliest end of the authority's cadence", () => {
    expect(defaultNextReviewOn("2026-11-29", { minWeeks: 6, maxWeeks: 12 })).toBe("2027-01-10");
  });
});
