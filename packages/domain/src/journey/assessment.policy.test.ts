import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "../authorization/actor";
import type { TeamRole, UserRole } from "../shared/vocabulary";
import {
  assessmentAbilities,
  canReadVoice,
  missingBeforeSubmit,
  voiceFits,
} from "./assessment.policy";

function access(
  role: UserRole,
  teamRole: TeamRole | null,
  familyMemberId: string | null = null,
): FamilyAccess {
  return {
    actor: { userId: "u", role, agencyId: role === "family_member" ? null : "agency-1" },
    familyId: "f",
    familyStatus: "plan_active",
    owningAgencyId: "agency-1",
    teamRole,
    familyMemberId,
  };
}

const lead = access("practitioner", "lead_professional");
const teamMember = access("practitioner", "member");
const manager = access("manager", null);
const child = access("family_member", null, "child-1");
const parent = access("family_member", null, "parent-1");
const outsider = access("practitioner", null);

describe("canReadVoice", () => {
  it.each([
    ["the lead", lead, true],
    ["a team member", teamMember, true],
    ["the service manager", manager, true],
    ["the child themselves", child, true],
    ["the child's parent", parent, false],
    ["a practitioner outside the team", outsider, false],
  ] as const)("%s reads child-1's own words: %s", (_who, a, expected) => {
    expect(canReadVoice(a, { memberId: "child-1" })).toBe(expected);
  });
});

describe("voiceFits", () => {
  it("takes a child's voice from a child and a parent's from an adult", () => {
    expect(voiceFits("child_voice", "child")).toBe(true);
    expect(voiceFits("child_voice", "adult")).toBe(false);
    expect(voiceFits("parent_voice", "adult")).toBe(true);
    expect(voiceFits("parent_voice", "child")).toBe(false);
  });
});

describe("missingBeforeSubmit", () => {
  it("names every unwritten shared section and missing scores", () => {
    expect(missingBeforeSubmit({ writtenSections: ["family_story"], scoreCount: 0 })).toEqual([
      "working_well",
      "worries",
      "analysis",
      "next_steps",
      "scores",
    ]);
  });

  it("asks for no voice: a child may not wish to speak", () => {
    const written = ["family_story", "working_well", "worries", "analysis", "next_steps"] as const;
    expect(missingBeforeSubmit({ writtenSections: written, scoreCount: 1 })).toEqual([]);
  });
});

describe("assessmentAbilities", () => {
  it.each([
    // who, status, sign-off required, expected abilities (w s S a r c)
    ["lead", lead, "draft", true, "wsS---"],
    ["lead", lead, "draft", false, "ws---c"],
    ["lead", lead, "returned", true, "wsS---"],
    ["lead", lead, "submitted", true, "------"],
    ["team member", teamMember, "draft", true, "ws----"],
    ["manager", manager, "submitted", true, "---ar-"],
    ["manager", manager, "draft", true, "------"],
    ["family member", child, "draft", true, "------"],
    ["lead", lead, "completed", false, "------"],
  ] as const)("%s on a %s assessment (sign-off %s): %s", (_who, a, status, signOff, expected) => {
    const got = assessmentAbilities(a, { status }, signOff);
    const letters = [
      got.write ? "w" : "-",
      got.score ? "s" : "-",
      got.submit ? "S" : "-",
      got.approve ? "a" : "-",
      got.return ? "r" : "-",
      got.complete ? "c" : "-",
    ].join("");
    expect(letters).toBe(expected);
  });
});
