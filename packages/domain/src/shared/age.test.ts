import { describe, expect, it } from "vitest";
import { ageOn } from "./age";

describe("ageOn", () => {
  it.each([
    ["2010-05-04", "2026-05-03", 15],
    ["2010-05-04", "2026-05-04", 16],
    ["2010-02-28", "2026-02-27", 15],
    ["2008-02-29", "2026-02-28", 17],
    ["2008-02-29", "2026-03-01", 18],
    ["2026-01-01", "2026-12-31", 0],
  ])("born %s is %s on %s… %i", (dob, today, age) => {
    expect(ageOn(dob, today)).toBe(age);
  });
});
