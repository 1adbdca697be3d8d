import { describe, expect, it } from "vitest";
import { type UserRole, userRoles } from "../shared/vocabulary";
import {
  authorizeGlobal,
  canGlobal,
  type GlobalResource,
  globalNeedsAgency,
  globalPermissions,
} from "./global-policy";

/** P practitioner, M manager, A administrator, F family member, Y partnership analyst, G guest partner. */
const expected: Record<string, string> = {
  "agency.list": "PMA",
  "agency.manage": "A",
  "user.list_directory": "PMA",
  "user.manage": "A",
  "family.create": "PM",
  "family.list_mine": "PMF",
  "my_actions.list": "PMF",
  "my_follow_ups.list": "PM",
  "help_request.create": "PM",
  "help_request.list": "PM",
  "my_case_audits.list": "PM",
  "audit_sample.draw": "M",
  "audit_sample.list": "M",
  "manager_workspace.read": "M",
  "figures.read": "MY",
  "authority.read": "PMAFY",
  "authority.manage": "A",
  "retention_review.list": "A",
  "retention_review.extend": "A",
  "retention_review.hold": "A",
  "retention_review.erase": "A",
  "subject_access.export": "A",
  "guest_meeting.read": "G",
  "notice_outbox.read": "A",
  "my_outbox.read": "PMAFY",
  "my_notifications.read": "PMAFY",
  "my_notifications.update": "PMAFY",
  "my_notice_preferences.read": "PMAFY",
  "my_notice_preferences.update": "PMAFY",
};
/** Cells that also need the actor to work for an agency (a case is owned by one). */
const onlyAgencyStaff: readonly string[] = [
  "family.create",
  "help_request.create",
  "help_request.list",
  "manager_workspace.read",
  "audit_sample.draw",
  "audit_sample.list",
];

const letter: Record<UserRole, string> = {
  practitioner: "P",
  manager: "M",
  administrator: "A",
  family_member: "F",
  partnership_analyst: "Y",
  guest: "G",
};

const cells = Object.entries(globalPermissions).flatMap(([resource, actions]) =>
  Object.keys(actions).map((action) => `${resource}.${action}`),
);

describe("global permission matrix", () => {
  it("has an expected row for every permission, and no extra rows", () => {
    expect(Object.keys(expected).sort()).toEqual([...cells].sort());
  });

  const rows = cells.flatMap((cell) =>
    userRoles.flatMap((role) => [true, false].map((inAgency) => ({ cell, role, inAgency }))),
  );

  it.each(rows)("$cell for $role (works for an agency: $inAgency)", ({ cell, role, inAgency }) => {
    const [resource, action] = cell.split(".") as [GlobalResource, string];
    const actor = { userId: "u", role, agencyId: inAgency ? "agency-1" : null };
    const allowed =
      (expected[cell]?.includes(letter[role]) ?? false) &&
      (inAgency || !onlyAgencyStaff.includes(cell));
    expect(canGlobal(actor, resource, action as never)).toBe(allowed);
  });

  it("lists every agency-staff-only cell, and only those", () => {
    const listed = Object.entries(globalNeedsAgency).flatMap(([resource, actions]) =>
      (actions ?? []).map((action) => `${resource}.${action}`),
    );
    expect(listed.sort()).toEqual([...onlyAgencyStaff].sort());
  });

  it("throws forbidden when denied", () => {
    const actor = { userId: "u", role: "family_member" as const, agencyId: null };
    expect(() => authorizeGlobal(actor, "user", "manage")).toThrow(
      expect.objectContaining({ code: "forbidden", message: "Your role does not allow this." }),
    );
  });

  it("tells a practitioner with no agency that starting a case needs one", () => {
    const actor = { userId: "u", role: "practitioner" as const, agencyId: null };
    expect(() => authorizeGlobal(actor, "family", "create")).toThrow(
      expect.objectContaining({
        code: "forbidden",
        message: "Only staff of an agency may do this.",
      }),
    );
  });
});
