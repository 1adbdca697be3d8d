import { describe, expect, it } from "vitest";
import { type CaseloadRow, caseAgeBand, caseloadPerLead, filterCaseload } from "./caseload";

function row(over: Partial<CaseloadRow>): CaseloadRow {
  return {
    familyId: "f1",
    familyName: "The Ashdown family",
    familyReference: "EH-1",
    episodeId: "e1",
    status: "assessment",
    levelOfNeed: 2,
    locality: "North",
    openedOn: "2026-11-01",
    leadUserId: "u1",
    leadName: "Jordan Hale",
    ...over,
  };
}

const rows = [
  row({}),
  row({ familyId: "f2", status: "plan_in_place", levelOfNeed: 3, openedOn: "2026-01-01" }),
  row({ familyId: "f3", leadUserId: "u2", leadName: "Ana Ruiz", locality: "South" }),
  row({ familyId: "f4", leadUserId: null, leadName: null, locality: null }),
];

describe("caseAgeBand", () => {
  it.each([
    ["2026-11-01", "2027-01-30", "under_3_months"], // 90 days
    ["2026-11-01", "2027-01-31", "3_to_6_months"], // 91 days
    ["2026-01-01", "2026-12-31", "6_to_12_months"], // 364 days
    ["2026-01-01", "2027-01-01", "over_12_months"], // 365 days
  ] as const)("opened %s, today %s: %s", (opened, today, band) => {
    expect(caseAgeBand(opened, today)).toBe(band);
  });
});

describe("filterCaseload", () => {
  const today = "2026-12-01";
  it.each([
    [{}, ["f1", "f2", "f3", "f4"]],
    [{ lead: "u1" }, ["f1", "f2"]],
    [{ lead: "none" }, ["f4"]],
    [{ levelOfNeed: 3 }, ["f2"]],
    [{ status: "plan_in_place" as const }, ["f2"]],
    [{ locality: "South" }, ["f3"]],
    [{ age: "6_to_12_months" as const }, ["f2"]],
    [{ lead: "u1", status: "assessment" as const }, ["f1"]],
  ])("%o", (filters, ids) => {
    expect(filterCaseload(rows, filters, today).map((r) => r.familyId)).toEqual(ids);
  });
});

describe("caseloadPerLead", () => {
  it("counts each lead's open cases, busiest first, nobody's last", () => {
    expect(caseloadPerLead(rows)).toEqual([
      { leadUserId: "u1", leadName: "Jordan Hale", open: 2, beingAssessed: 1, planInPlace: 1 },
      { leadUserId: "u2", leadName: "Ana Ruiz", open: 1, beingAssessed: 1, planInPlace: 0 },
      { leadUserId: null, leadName: null, open: 1, beingAssessed: 1, planInPlace: 0 },
    ]);
  });
});
