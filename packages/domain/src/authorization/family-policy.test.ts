import { describe, expect, it } from "vitest";
import type { FamilyStatus } from "../shared/vocabulary";
import { AccessRefused } from "./access-refused";
import { type FamilyAccess, type Relationship, relationshipOf, relationships } from "./actor";
import { type FamilyResource, familyPermissions, needsAgency } from "./family-permissions";
import {
  authorize,
  can,
  canChangeAction,
  canWithdrawConsent,
  familyAbilities,
  isOnMyActionList,
  refusalFor,
} from "./family-policy";

/**
 * The expected matrix, written out independently of the permission table:
 * L lead professional, T team member, M service manager, F family member,
 * A administrator, O outsider. `closed` lists who may still act on a closed case.
 */
const expected: Record<string, { open: string; closed: string }> = {
  "family.read": { open: "LTMF", closed: "LTMF" },
  "family.update": { open: "L", closed: "" },
  "family.close": { open: "L", closed: "" },
  "family.step_up": { open: "LM", closed: "" },
  "family.step_down": { open: "", closed: "LM" },
  "member.read": { open: "LTMF", closed: "LTMF" },
  "member.create": { open: "LT", closed: "" },
  "member.update": { open: "LT", closed: "" },
  "member.read_equality": { open: "LTMF", closed: "LTMF" },
  "episode.read": { open: "LTMF", closed: "LTMF" },
  "episode.read_notes": { open: "LTM", closed: "LTM" },
  "assessment.read": { open: "LTMF", closed: "LTMF" },
  "assessment.start": { open: "L", closed: "" },
  "assessment.write": { open: "LT", closed: "" },
  "assessment.submit": { open: "L", closed: "" },
  "assessment.complete": { open: "L", closed: "" },
  "assessment.sign_off": { open: "M", closed: "" },
  "closure.read": { open: "LTM", closed: "LTM" },
  "closure.propose": { open: "L", closed: "" },
  "closure.withdraw": { open: "L", closed: "" },
  "closure.sign_off": { open: "M", closed: "" },
  "plan_sign_off.read": { open: "LTM", closed: "LTM" },
  "plan_sign_off.submit": { open: "L", closed: "" },
  "plan_sign_off.sign_off": { open: "M", closed: "" },
  "score.read": { open: "LTMF", closed: "LTMF" },
  "score.record": { open: "LT", closed: "" },
  "review.read": { open: "LTMF", closed: "LTMF" },
  "review.record": { open: "L", closed: "" },
  "feedback.answer": { open: "F", closed: "F" },
  "feedback.read": { open: "LM", closed: "LM" },
  "follow_up.read": { open: "LTM", closed: "LTM" },
  "follow_up.record": { open: "L", closed: "L" },
  "invitation.create": { open: "L", closed: "" },
  "team.read": { open: "LTMF", closed: "LTMF" },
  "team.read_former": { open: "LTM", closed: "LTM" },
  "team.add": { open: "L", closed: "" },
  "team.remove": { open: "L", closed: "" },
  "team.lead_handover": { open: "L", closed: "" },
  "agreement.read": { open: "LTMF", closed: "LTMF" },
  "agreement.record": { open: "LT", closed: "" },
  "consent.read": { open: "LTMF", closed: "LTMF" },
  "consent.record": { open: "LTF", closed: "" },
  "consent.withdraw": { open: "LTF", closed: "LTF" },
  "lawful_basis.read": { open: "LTM", closed: "LTM" },
  "lawful_basis.record": { open: "LT", closed: "" },
  "lawful_basis.end": { open: "L", closed: "L" },
  "sharing.read": { open: "LTMF", closed: "LTMF" },
  "sharing.read_hidden": { open: "LTM", closed: "LTM" },
  "sharing.record": { open: "LT", closed: "" },
  "outcome.read": { open: "LTMF", closed: "LTMF" },
  "outcome.create": { open: "LT", closed: "" },
  "outcome.update": { open: "LT", closed: "" },
  "action.read": { open: "LTMF", closed: "LTMF" },
  "action.create": { open: "LT", closed: "" },
  "action.update": { open: "LTF", closed: "" },
  "action.add_progress": { open: "LTF", closed: "" },
  "audit.read": { open: "LM", closed: "LM" },
  "audit.export": { open: "LM", closed: "LM" },
  "audit.read_readers": { open: "LM", closed: "LM" },
  "audit.read_former_team": { open: "LM", closed: "LM" },
  "case_audit.read": { open: "LM", closed: "LM" },
  "case_audit.create": { open: "M", closed: "M" },
  "case_audit.acknowledge": { open: "L", closed: "L" },
  "supervision.read": { open: "LM", closed: "LM" },
  "supervision.record": { open: "M", closed: "" },
  "meeting.read": { open: "LTMF", closed: "LTMF" },
  "meeting.schedule": { open: "L", closed: "" },
  "meeting.update": { open: "L", closed: "" },
  "meeting.cancel": { open: "L", closed: "" },
  "meeting.start": { open: "L", closed: "" },
  "meeting.end": { open: "L", closed: "L" },
  "meeting.set_agenda": { open: "L", closed: "" },
  "meeting.record_decision": { open: "L", closed: "" },
  "meeting.moderate": { open: "L", closed: "" },
  "meeting.call": { open: "LTF", closed: "" },
  "meeting.admit": { open: "L", closed: "" },
  "meeting.read_unsent": { open: "L", closed: "L" },
  "meeting.manage_guests": { open: "L", closed: "" },
  "meeting.record_apology": { open: "L", closed: "" },
  "meeting.respond_record": { open: "LTF", closed: "LTF" },
  "meeting.read_record_staff_parts": { open: "LTM", closed: "LTM" },
  "meeting.join": { open: "LTF", closed: "" },
  "meeting.chat": { open: "LTF", closed: "" },
  "meeting.raise_hand": { open: "LTF", closed: "" },
  "plan_version.read": { open: "LTMF", closed: "LTMF" },
  "printout.plan": { open: "LTMF", closed: "LTMF" },
  "printout.meeting_record": { open: "LTMF", closed: "LTMF" },
  "printout.assessment": { open: "LTMF", closed: "LTMF" },
  "correction.create": { open: "LM", closed: "LM" },
  "correction.read": { open: "LTM", closed: "LTM" },
  "correction_request.create": { open: "F", closed: "F" },
  "correction_request.read": { open: "LMF", closed: "LMF" },
  "correction_request.decide": { open: "LM", closed: "LM" },
};

/** Cells that also need the actor to work for an agency (the sharer's agency is recorded). */
const onlyAgencyStaff: readonly string[] = ["sharing.record"];

const letter: Record<Relationship, string> = {
  lead_professional: "L",
  team_member: "T",
  service_manager: "M",
  family_member: "F",
  administrator: "A",
  guest: "G",
  outsider: "O",
};

/** Builds the access that yields each relationship. */
function accessFor(
  relationship: Relationship,
  familyStatus: FamilyStatus = "plan_active",
): FamilyAccess {
  const base = {
    familyId: "f1",
    familyStatus,
    owningAgencyId: "agency-1",
    teamRole: null,
    familyMemberId: null,
  };
  switch (relationship) {
    case "lead_professional":
      return {
        ...base,
        actor: { userId: "u", role: "practitioner", agencyId: "agency-2" },
        teamRole: "lead_professional",
      };
    case "team_member":
      return {
        ...base,
        actor: { userId: "u", role: "practitioner", agencyId: "agency-2" },
        teamRole: "member",
      };
    case "service_manager":
      return { ...base, actor: { userId: "u", role: "manager", agencyId: "agency-1" } };
    case "family_member":
      return {
        ...base,
        actor: { userId: "u", role: "family_member", agencyId: null },
        familyMemberId: "m1",
      };
    case "administrator":
      return { ...base, actor: { userId: "u", role: "administrator", agencyId: null } };
    case "guest":
      return {
        ...base,
        actor: { userId: "u", role: "guest", agencyId: null },
        guest: { meetingId: "meeting-1", mayWrite: false },
      };
    case "outsider":
      return { ...base, actor: { userId: "u", role: "practitioner", agencyId: "agency-3" } };
  }
}

const cells = Object.entries(familyPermissions).flatMap(([resource, actions]) =>
  Object.keys(actions).map((action) => `${resource}.${action}`),
);

describe("family permission matrix", () => {
  it("has an expected row for every permission in the table, and no extra rows", () => {
    expect(Object.keys(expected).sort()).toEqual([...cells].sort());
  });

  const rows = cells.flatMap((cell) =>
    relationships.flatMap((relationship) =>
      (["open", "closed"] as const).map((state) => ({ cell, relationship, state })),
    ),
  );

  it.each(rows)("$cell for $relationship on a $state case", ({ cell, relationship, state }) => {
    const [resource, action] = cell.split(".") as [FamilyResource, string];
    const access = accessFor(relationship, state === "open" ? "plan_active" : "closed");
    const allowed = expected[cell]?.[state].includes(letter[relationship]) ?? false;
    expect(can(access, resource, action as never)).toBe(allowed);
  });

  it.each(rows)(
    "$cell for $relationship on a $state case, working for no agency",
    ({ cell, relationship, state }) => {
      const [resource, action] = cell.split(".") as [FamilyResource, string];
      const withAgency = accessFor(relationship, state === "open" ? "plan_active" : "closed");
      const access = { ...withAgency, actor: { ...withAgency.actor, agencyId: null } };
      // A manager who works for no agency manages no service: an outsider.
      const standing = relationship === "service_manager" ? "outsider" : relationship;
      const allowed =
        !onlyAgencyStaff.includes(cell) &&
        (expected[cell]?.[state].includes(letter[standing]) ?? false);
      expect(can(access, resource, action as never)).toBe(allowed);
    },
  );

  it("lists every agency-staff-only cell, and only those", () => {
    const listed = Object.entries(needsAgency).flatMap(([resource, actions]) =>
      (actions ?? []).map((action) => `${resource}.${action}`),
    );
    expect(listed.sort()).toEqual([...onlyAgencyStaff].sort());
  });
});

describe("authorize", () => {
  it("answers not_found to people who may not know the family exists", () => {
    for (const relationship of ["administrator", "outsider"] as const) {
      expect(() => authorize(accessFor(relationship), "family", "read")).toThrow(
        expect.objectContaining({ code: "not_found" }),
      );
    }
  });

  it("answers forbidden to insiders without the right", () => {
    expect(() => authorize(accessFor("family_member"), "outcome", "create")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });

  it("tells an insider what they may not do, in words", () => {
    expect(() => authorize(accessFor("family_member"), "team", "read_former")).toThrow(
      "You may not see this team's former members.",
    );
  });

  it("tells an administrator in the team with no agency that sharing needs an agency", () => {
    const access = { ...accessFor("administrator"), teamRole: "member" as const };
    expect(() => authorize(access, "sharing", "record")).toThrow(
      expect.objectContaining({
        code: "forbidden",
        message: "Only staff of an agency may record a share.",
      }),
    );
  });

  it("names what was refused, for the audit log, without putting it in the details", () => {
    const refusal = (() => {
      try {
        authorize(accessFor("outsider"), "audit", "read");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AccessRefused);
    expect(refusal).toMatchObject({
      code: "not_found",
      details: undefined,
      refused: { familyId: "f1", resource: "audit", action: "read" },
    });
  });

  it.each(relationships)("refusalFor matches authorize for a %s", (relationship) => {
    for (const cell of cells) {
      const [resource, action] = cell.split(".") as [FamilyResource, string];
      const access = accessFor(relationship);
      const refusal = refusalFor(access, resource, action as never);
      const thrown = (() => {
        try {
          authorize(access, resource, action as never);
          return null;
        } catch (error) {
          return error instanceof AccessRefused ? error.code : "other";
        }
      })();
      expect(thrown).toBe(refusal);
    }
  });

  it("lets a family member of another family see nothing", () => {
    const other = { ...accessFor("family_member"), familyMemberId: null };
    expect(() => authorize(other, "family", "read")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});

describe("relationship edge cases", () => {
  it("treats a manager of another service as an outsider", () => {
    const access = {
      ...accessFor("service_manager"),
      actor: { userId: "u", role: "manager" as const, agencyId: "x" },
    };
    expect(can(access, "family", "read")).toBe(false);
  });

  it("gives the lead professional's line manager, from another service, the service manager's rights", () => {
    const access = {
      ...accessFor("service_manager"),
      actor: { userId: "line-manager", role: "manager" as const, agencyId: "x" },
      leadLineManagerId: "line-manager",
    };
    expect(relationshipOf(access)).toBe("service_manager");
    expect(can(access, "assessment", "sign_off")).toBe(true);
    expect(can(access, "family", "update")).toBe(false);
  });

  it("does not give a practitioner named as the lead's line manager anything", () => {
    const access = {
      ...accessFor("outsider"),
      actor: { userId: "p", role: "practitioner" as const, agencyId: "x" },
      leadLineManagerId: "p",
    };
    expect(relationshipOf(access)).toBe("outsider");
  });

  it("lets a manager who leads the case act as the lead", () => {
    const access = { ...accessFor("service_manager"), teamRole: "lead_professional" as const };
    expect(can(access, "team", "add")).toBe(true);
  });

  it("gives an administrator in the team the team member's rights only", () => {
    const access = { ...accessFor("administrator"), teamRole: "member" as const };
    expect(can(access, "outcome", "create")).toBe(true);
    expect(can(access, "team", "add")).toBe(false);
  });
});

describe("own-record rules", () => {
  it("lets a family member change only the actions they own", () => {
    const family = accessFor("family_member");
    expect(canChangeAction(family, "update", ["m1"])).toBe(true);
    expect(canChangeAction(family, "update", ["m2"])).toBe(false);
    expect(canChangeAction(family, "add_progress", [])).toBe(false);
    expect(canChangeAction(accessFor("team_member"), "update", [])).toBe(true);
    expect(canChangeAction(accessFor("service_manager"), "update", [])).toBe(false);
  });

  it("lets a family member withdraw only the consent they gave", () => {
    expect(canWithdrawConsent(accessFor("family_member"), "m1")).toBe(true);
    expect(canWithdrawConsent(accessFor("family_member"), "m2")).toBe(false);
    expect(canWithdrawConsent(accessFor("lead_professional"), "m2")).toBe(true);
    expect(canWithdrawConsent(accessFor("outsider"), "m1")).toBe(false);
  });
});

describe("my actions list", () => {
  const byUser = { userIds: ["u"], memberIds: [] };
  const byMember = { userIds: [], memberIds: ["m1"] };
  const byOthers = { userIds: ["someone"], memberIds: ["m2"] };

  /** Who sees an action they own on their own list, open or closed case. */
  const listedFor: Record<Relationship, boolean> = {
    lead_professional: true,
    team_member: true,
    service_manager: false,
    family_member: true,
    administrator: false,
    guest: false,
    outsider: false,
  };

  it.each(
    relationships.flatMap((relationship) =>
      (["plan_active", "closed"] as const).map((status) => ({ relationship, status })),
    ),
  )("an owned action for $relationship on a $status case", ({ relationship, status }) => {
    const access = accessFor(relationship, status);
    const owners = relationship === "family_member" ? byMember : byUser;
    expect(isOnMyActionList(access, owners)).toBe(listedFor[relationship]);
    expect(isOnMyActionList(access, byOthers)).toBe(false);
  });

  it("matches a family member by their member record, never by a user id", () => {
    const family = accessFor("family_member");
    expect(isOnMyActionList(family, byUser)).toBe(false);
    expect(isOnMyActionList({ ...family, familyMemberId: null }, byMember)).toBe(false);
    expect(isOnMyActionList(accessFor("team_member"), byMember)).toBe(false);
  });
});

describe("familyAbilities", () => {
  it("reports every cell, matching can()", () => {
    const access = accessFor("team_member");
    const abilities = familyAbilities(access) as Record<string, Record<string, boolean>>;
    for (const cell of cells) {
      const [resource, action] = cell.split(".") as [FamilyResource, string];
      expect(abilities[resource]?.[action]).toBe(can(access, resource, action as never));
    }
  });
});
