import { describe, expect, it } from "vitest";
import type { FamilyAccess, Relationship } from "../authorization/actor";
import { relationshipOf } from "../authorization/actor";
import type { FamilyStatus } from "../shared/vocabulary";
import type { SignOffState } from "./oversight-vocabulary";
import {
  closureAbilities,
  closureConflict,
  planSignOffAbilities,
  planSignOffConflict,
} from "./sign-off.policy";

function accessFor(relationship: Relationship, familyStatus: FamilyStatus = "plan_active") {
  const base = {
    familyId: "f1",
    familyStatus,
    owningAgencyId: "service",
    teamRole: null,
    familyMemberId: null,
  };
  const cases: Record<Relationship, FamilyAccess> = {
    lead_professional: {
      ...base,
      actor: { userId: "lead", role: "practitioner", agencyId: "school" },
      teamRole: "lead_professional",
    },
    team_member: {
      ...base,
      actor: { userId: "member", role: "practitioner", agencyId: "health" },
      teamRole: "member",
    },
    service_manager: { ...base, actor: { userId: "m", role: "manager", agencyId: "service" } },
    family_member: {
      ...base,
      actor: { userId: "parent", role: "family_member", agencyId: null },
      familyMemberId: "member-1",
    },
    administrator: { ...base, actor: { userId: "a", role: "administrator", agencyId: null } },
    guest: {
      ...base,
      actor: { userId: "g", role: "guest", agencyId: null },
      guest: { meetingId: "meeting-1", mayWrite: false },
    },
    outsider: { ...base, actor: { userId: "o", role: "practitioner", agencyId: "elsewhere" } },
  };
  return cases[relationship];
}

const none = null;
const at = (status: SignOffState) => ({ status });

/**
 * Who may do what about closing the case, by the authority's setting and the
 * latest proposal: "L" lead, "M" service manager; every other relationship
 * never. Written out independently of the functions.
 */
const closureRows: {
  required: boolean;
  latest: SignOffState | null;
  close: string;
  propose: string;
  decide: string;
  withdraw: string;
}[] = [
  { required: true, latest: null, close: "", propose: "L", decide: "", withdraw: "" },
  { required: true, latest: "waiting", close: "", propose: "", decide: "M", withdraw: "L" },
  { required: true, latest: "returned", close: "", propose: "L", decide: "", withdraw: "" },
  { required: true, latest: "approved", close: "", propose: "L", decide: "", withdraw: "" },
  { required: true, latest: "withdrawn", close: "", propose: "L", decide: "", withdraw: "" },
  { required: false, latest: null, close: "L", propose: "", decide: "", withdraw: "" },
  { required: false, latest: "returned", close: "L", propose: "", decide: "", withdraw: "" },
  // Sign-off switched off while a proposal waits: the manager still decides it, the lead may take it back.
  { required: false, latest: "waiting", close: "", propose: "", decide: "M", withdraw: "L" },
];

const letters: Partial<Record<Relationship, string>> = {
  lead_professional: "L",
  service_manager: "M",
};
const relationships: Relationship[] = [
  "lead_professional",
  "team_member",
  "service_manager",
  "family_member",
  "administrator",
  "outsider",
];

describe("closure abilities", () => {
  it.each(
    closureRows.flatMap((row) => relationships.map((relationship) => ({ ...row, relationship }))),
  )(
    "required $required, latest $latest: $relationship",
    ({ required, latest, close, propose, decide, withdraw, relationship }) => {
      const letter = letters[relationship] ?? "-";
      const got = closureAbilities(accessFor(relationship), latest ? at(latest) : none, required);
      expect(got).toEqual({
        close: close.includes(letter),
        propose: propose.includes(letter),
        approve: decide.includes(letter),
        return: decide.includes(letter),
        withdraw: withdraw.includes(letter),
      });
    },
  );

  it("gives nobody any step on a closed case", () => {
    for (const relationship of relationships) {
      const access = accessFor(relationship, "closed");
      expect(closureAbilities(access, at("waiting"), true)).toEqual({
        close: false,
        propose: false,
        approve: false,
        return: false,
        withdraw: false,
      });
    }
  });

  it("never lets a manager who leads the case sign off its closure: they act as the lead", () => {
    const managerLeading: FamilyAccess = {
      ...accessFor("service_manager"),
      teamRole: "lead_professional",
    };
    expect(relationshipOf(managerLeading)).toBe("lead_professional");
    expect(closureAbilities(managerLeading, at("waiting"), true)).toMatchObject({
      approve: false,
      return: false,
    });
  });

  it("lets the lead's line manager from another service decide", () => {
    const lineManager: FamilyAccess = {
      ...accessFor("service_manager"),
      actor: { userId: "lm", role: "manager", agencyId: "elsewhere" },
      leadLineManagerId: "lm",
    };
    expect(closureAbilities(lineManager, at("waiting"), true).approve).toBe(true);
  });

  it("says why a step cannot happen now", () => {
    expect(closureConflict("close", none, true)).toMatch(/propose the closure/);
    expect(closureConflict("propose", none, false)).toMatch(/close the case instead/);
    expect(closureConflict("propose", at("waiting"), true)).toMatch(/already waiting/);
    expect(closureConflict("decide", at("returned"), true)).toMatch(/Only a closure waiting/);
    expect(closureConflict("decide", at("waiting"), false)).toBeNull();
    expect(closureConflict("withdraw", at("approved"), true)).toMatch(/Only a closure waiting/);
    expect(closureConflict("withdraw", at("waiting"), true)).toBeNull();
  });
});

describe("plan sign-off abilities", () => {
  const rows: { required: boolean; latest: SignOffState | null; submit: string; decide: string }[] =
    [
      { required: true, latest: null, submit: "L", decide: "" },
      { required: true, latest: "waiting", submit: "", decide: "M" },
      { required: true, latest: "approved", submit: "L", decide: "" },
      { required: true, latest: "returned", submit: "L", decide: "" },
      { required: false, latest: null, submit: "", decide: "" },
      { required: false, latest: "waiting", submit: "", decide: "M" },
    ];

  it.each(rows.flatMap((row) => relationships.map((relationship) => ({ ...row, relationship }))))(
    "required $required, latest $latest: $relationship",
    ({ required, latest, submit, decide, relationship }) => {
      const letter = letters[relationship] ?? "-";
      expect(
        planSignOffAbilities(accessFor(relationship), latest ? at(latest) : none, required),
      ).toEqual({
        submit: submit.includes(letter),
        approve: decide.includes(letter),
        return: decide.includes(letter),
      });
    },
  );

  it("says why a step cannot happen now", () => {
    expect(planSignOffConflict("submit", none, false)).toMatch(/does not ask/);
    expect(planSignOffConflict("submit", at("waiting"), true)).toMatch(/already waiting/);
    expect(planSignOffConflict("decide", at("approved"), true)).toMatch(/Only a plan waiting/);
    expect(planSignOffConflict("submit", at("approved"), true)).toBeNull();
  });
});
