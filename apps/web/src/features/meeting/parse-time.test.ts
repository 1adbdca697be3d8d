import { describe, expect, it } from "vitest";
import { parseTime } from "./schedule-meeting-page";

describe("parseTime", () => {
  it.each([
    ["14:30", "14:30"],
    ["9.30", "09:30"],
    ["9:30am", "09:30"],
    ["2:15 pm", "14:15"],
    ["12:00am", "00:00"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(["", "25:00", "9", "noon", "10:75"])("refuses %j", (input) => {
    expect(parseTime(input)).toBeNull();
  });
});
