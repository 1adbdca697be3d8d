import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "./actor";
import { canSeeMemberProfile } from "./equality-fields";
import {
  audienceShapeProblem,
  audienceWords,
  type FamilyAudience,
  type FamilyAudienceKind,
  type FamilyViewer,
  familyAudienceKinds,
  familyMemberMaySee,
  maySeeWithin,
  membersWhoMaySee,
} from "./family-audience";

const viewers = {
  parentWithPr: { memberId: "parent", parentalResponsibility: true },
  adultWithoutPr: { memberId: "stepdad", parentalResponsibility: false },
  youngPerson: { memberId: "teen", parentalResponsibility: false },
  sibling: { memberId: "sibling", parentalResponsibility: false },
  namedMember: { memberId: "aunt", parentalResponsibility: false },
} satisfies Record<string, FamilyViewer>;
type ViewerName = keyof typeof viewers;

const audiences: Record<FamilyAudienceKind, FamilyAudience> = {
  whole_family: { kind: "whole_family", memberIds: [] },
  parental_responsibility: { kind: "parental_responsibility", memberIds: [] },
  young_person: { kind: "young_person", memberIds: ["teen"] },
  named_members: { kind: "named_members", memberIds: ["aunt", "parent"] },
};

/** Every audience × viewer kind: who sees it. A missing cell fails the completeness test. */
const expected: Record<FamilyAudienceKind, Record<ViewerName, boolean>> = {
  whole_family: {
    parentWithPr: true,
    adultWithoutPr: true,
    youngPerson: true,
    sibling: true,
    namedMember: true,
  },
  parental_responsibility: {
    parentWithPr: true,
    adultWithoutPr: false,
    youngPerson: false,
    sibling: false,
    namedMember: false,
  },
  young_person: {
    parentWithPr: false,
    adultWithoutPr: false,
    youngPerson: true,
    sibling: false,
    namedMember: false,
  },
  named_members: {
    parentWithPr: true,
    adultWithoutPr: false,
    youngPerson: false,
    sibling: false,
    namedMember: true,
  },
};

const cells = familyAudienceKinds.flatMap((kind) =>
  (Object.keys(viewers) as ViewerName[]).map((viewer) => ({ kind, viewer })),
);

describe("familyMemberMaySee", () => {
  it.each(cells)("$kind seen by $viewer", ({ kind, viewer }) => {
    expect(familyMemberMaySee(viewers[viewer], audiences[kind])).toBe(expected[kind][viewer]);
  });

  it("has an expectation for every audience kind", () => {
    expect(Object.keys(expected).sort()).toEqual([...familyAudienceKinds].sort());
  });

  it("lists who may see an action inside its outcome's audience (both must allow)", () => {
    const all = Object.values(viewers);
    const seen = membersWhoMaySee(all, audiences.named_members, audiences.parental_responsibility);
    expect(seen.map((v) => v.memberId)).toEqual(["parent"]);
  });
});

describe("maySeeWithin", () => {
  const base = {
    familyId: "f1",
    familyStatus: "plan_active" as const,
    owningAgencyId: "agency-1",
    leadLineManagerId: null,
  };
  const teen: FamilyAccess = {
    ...base,
    actor: { userId: "u-teen", role: "family_member", agencyId: null },
    teamRole: null,
    familyMemberId: "teen",
    familyMemberParentalResponsibility: false,
  };
  const parent: FamilyAccess = {
    ...teen,
    actor: { userId: "u-parent", role: "family_member", agencyId: null },
    familyMemberId: "parent",
    familyMemberParentalResponsibility: true,
  };
  const practitioner: FamilyAccess = {
    ...base,
    actor: { userId: "u-p", role: "practitioner", agencyId: "agency-1" },
    teamRole: "member",
    familyMemberId: null,
  };

  it("leaves practitioners in the team unaffected", () => {
    for (const audience of Object.values(audiences)) {
      expect(maySeeWithin(practitioner, audience)).toBe(true);
    }
  });

  it("narrows family members by every audience given", () => {
    expect(maySeeWithin(parent, audiences.parental_responsibility)).toBe(true);
    expect(maySeeWithin(teen, audiences.parental_responsibility)).toBe(false);
    expect(maySeeWithin(teen, audiences.whole_family, audiences.young_person)).toBe(true);
    expect(maySeeWithin(parent, audiences.whole_family, audiences.young_person)).toBe(false);
  });
});

describe("audienceShapeProblem", () => {
  it.each([
    [{ kind: "whole_family", memberIds: [] }, null],
    [{ kind: "whole_family", memberIds: ["a"] }, "by name"],
    [{ kind: "parental_responsibility", memberIds: ["a"] }, "by name"],
    [{ kind: "young_person", memberIds: [] }, "one young person"],
    [{ kind: "young_person", memberIds: ["a", "b"] }, "one young person"],
    [{ kind: "young_person", memberIds: ["a"] }, null],
    [{ kind: "named_members", memberIds: [] }, "at least one"],
    [{ kind: "named_members", memberIds: ["a", "a"] }, "once"],
    [{ kind: "named_members", memberIds: ["a", "b"] }, null],
  ] as const)("%o", (audience, problem) => {
    const found = audienceShapeProblem(audience);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe("audienceWords", () => {
  it("words each audience for practitioners", () => {
    const names = new Map([["teen", "Ava Brown"]]);
    const nameOf = (id: string) => names.get(id);
    expect(audienceWords(audiences.parental_responsibility, nameOf)).toBe(
      "adults with parental responsibility",
    );
    expect(audienceWords(audiences.young_person, nameOf)).toBe("Ava Brown");
    expect(audienceWords(audiences.whole_family, nameOf)).toBe("the whole family");
  });
});

describe("canSeeMemberProfile", () => {
  const base = {
    familyId: "f1",
    familyStatus: "plan_active" as const,
    owningAgencyId: "agency-1",
    teamRole: null,
  };
  const member = (id: string, pr: boolean): FamilyAccess => ({
    ...base,
    actor: { userId: `u-${id}`, role: "family_member", agencyId: null },
    familyMemberId: id,
    familyMemberParentalResponsibility: pr,
  });
  const child = { id: "teen", kind: "child" as const };
  const parent = { id: "parent", kind: "adult" as const };

  it("shows a child's details to a parent with PR, and nobody's to a young person or an adult without PR", () => {
    expect(canSeeMemberProfile(member("parent", true), child)).toBe(true);
    expect(canSeeMemberProfile(member("stepdad", false), child)).toBe(false);
    expect(canSeeMemberProfile(member("teen", false), parent)).toBe(false);
    expect(canSeeMemberProfile(member("sibling", false), child)).toBe(false);
    expect(canSeeMemberProfile(member("teen", false), child)).toBe(true);
    expect(canSeeMemberProfile(member("parent", true), { id: "stepdad", kind: "adult" })).toBe(
      false,
    );
  });
});
