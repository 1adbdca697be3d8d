import { describe, expect, it } from "vitest";
import { drawSample, quarterDays, quarterOf } from "./quarters";

describe("quarterDays", () => {
  it.each([
    ["2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-Q2", "2026-04-01", "2026-06-30"],
    ["2026-Q3", "2026-07-01", "2026-09-30"],
    ["2024-Q4", "2024-10-01", "2024-12-31"],
  ])("%s runs from %s to %s", (quarter, start, end) => {
    expect(quarterDays(quarter)).toEqual({ start, end });
  });

  it.each(["2026-Q5", "2026Q1", "26-Q1", "2026-q1", ""])("refuses %j", (quarter) => {
    expect(quarterDays(quarter)).toBeNull();
  });
});

describe("quarterOf", () => {
  it.each([
    ["2026-01-01", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-09-30", "2026-Q3"],
    ["2026-12-31", "2026-Q4"],
  ])("%s is in %s", (day, quarter) => {
    expect(quarterOf(day)).toBe(quarter);
  });
});

describe("drawSample", () => {
  const items = ["a", "b", "c", "d", "e"];

  it("draws the size asked for, without repeats, from the items", () => {
    const sample = drawSample(items, 3, (n) => n - 1);
    expect(sample).toHaveLength(3);
    expect(new Set(sample).size).toBe(3);
    for (const item of sample) expect(items).toContain(item);
  });

  it("follows the random source (always the first left: the items in order)", () => {
    expect(drawSample(items, 2, () => 0)).toEqual(["a", "b"]);
    expect(drawSample(items, 2, (n) => n - 1)).toEqual(["e", "a"]);
  });

  it("draws everything when fewer items than the size asked for", () => {
    expect(drawSample(items, 50, () => 0).sort()).toEqual(items);
    expect(drawSample([], 3, () => 0)).toEqual([]);
  });

  it("leaves the items as they were", () => {
    const before = [...items];
    drawSample(items, 5, (n) => n - 1);
    expect(items).toEqual(before);
  });
});
