import { describe, expect, it } from "vitest";
import { type ConsentMember, consentGiverIssues, giverRefusal } from "./consent-giver.policy";

const parent: ConsentMember = {
  id: "parent",
  kind: "adult",
  parentalResponsibility: true,
  judgedCompetent: false,
  dateOfBirth: "1985-06-01",
};
const stepParent: ConsentMember = { ...parent, id: "step", parentalResponsibility: false };
const child = (dateOfBirth: string | null, judgedCompetent = false): ConsentMember => ({
  id: "child",
  kind: "child",
  parentalResponsibility: false,
  judgedCompetent,
  dateOfBirth,
});
const sibling: ConsentMember = { ...child("2018-01-01"), id: "sibling" };

const underSixteen = "a young person under 16 must be judged competent to consent";

describe("who may give consent", () => {
  it.each([
    ["an adult with parental responsibility", parent, "2026-01-01", null],
    [
      "an adult without parental responsibility",
      stepParent,
      "2026-01-01",
      "an adult needs parental responsibility to give consent",
    ],
    [
      "a young person the day before their 16th birthday",
      child("2010-05-04"),
      "2026-05-03",
      underSixteen,
    ],
    ["a young person on their 16th birthday", child("2010-05-04"), "2026-05-04", null],
    ["a young person of 17", child("2009-01-01"), "2026-05-04", null],
    ["a 15-year-old judged competent", child("2010-05-04", true), "2026-05-03", null],
    ["a 12-year-old judged competent", child("2014-01-01", true), "2026-05-03", null],
    [
      "a leap-day child on 28 February of their 16th year",
      child("2012-02-29"),
      "2028-02-28",
      underSixteen,
    ],
    ["a leap-day child on 29 February of their 16th year", child("2012-02-29"), "2028-02-29", null],
    ["a leap-day child on 1 March of a common 16th year", child("2008-02-29"), "2024-03-01", null],
    ["a child with no date of birth", child(null), "2026-05-04", underSixteen],
    ["a child with no date of birth, judged competent", child(null, true), "2026-05-04", null],
    ["someone not in the family", undefined, "2026-05-04", "not a member of this family"],
  ] as const)("%s", (_, giver, today, message) => {
    const refusal = giverRefusal(giver, today);
    expect(refusal?.message ?? null).toBe(message);
    if (refusal) expect(refusal.path).toBe("givenByMemberId");
  });
});

describe("for whom", () => {
  const sixteen = child("2010-05-04");
  const family = [parent, stepParent, sixteen, sibling];
  const today = "2026-05-04";

  it.each([
    ["a parent for themselves and the children", "parent", ["parent", "child", "sibling"], []],
    [
      "a parent for another adult",
      "parent",
      ["parent", "step"],
      [
        {
          path: "coversMemberIds",
          message: "an adult's consent covers themselves and the family's children",
        },
      ],
    ],
    ["a young person of 16 for themselves", "child", ["child"], []],
    [
      "a young person of 16 for a sibling",
      "child",
      ["child", "sibling"],
      [{ path: "coversMemberIds", message: "a young person may consent only for themselves" }],
    ],
    [
      "someone outside the family covered",
      "parent",
      ["parent", "stranger"],
      [{ path: "coversMemberIds", message: "not a member of this family" }],
    ],
    [
      "a giver who may not consent: coverage is not judged",
      "step",
      ["step", "parent"],
      [
        {
          path: "givenByMemberId",
          message: "an adult needs parental responsibility to give consent",
        },
      ],
    ],
    [
      "a giver from elsewhere and a stranger covered: both named",
      "stranger",
      ["stranger"],
      [
        { path: "givenByMemberId", message: "not a member of this family" },
        { path: "coversMemberIds", message: "not a member of this family" },
      ],
    ],
  ] as const)("%s", (_, giverId, covers, issues) => {
    expect(consentGiverIssues(family, giverId, covers, today)).toEqual(issues);
  });
});
