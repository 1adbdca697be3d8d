import { describe, expect, it } from "vitest";
import { userRoles } from "../shared/vocabulary";
import {
  isStaffRole,
  passwordSignIn,
  roleNeedsAgency,
  totpEnrolmentRequired,
} from "./account-rules";

const staff = {
  practitioner: true,
  manager: true,
  administrator: true,
  family_member: false,
  partnership_analyst: true,
  guest: false,
};
const needsAgency = {
  practitioner: true,
  manager: true,
  administrator: false,
  family_member: false,
  partnership_analyst: false,
  guest: false,
};

describe("account rules", () => {
  it.each(userRoles)("%s: staff and agency", (role) => {
    expect(isStaffRole(role)).toBe(staff[role]);
    expect(roleNeedsAgency(role)).toBe(needsAgency[role]);
  });

  it.each(
    userRoles.flatMap((role) =>
      [true, false].flatMap((requireStaffTotp) =>
        [true, false].map((totpEnabled) => ({ role, requireStaffTotp, totpEnabled })),
      ),
    ),
  )("TOTP enrolment for $role (required: $requireStaffTotp, enabled: $totpEnabled)", (cell) => {
    const expected = cell.requireStaffTotp && staff[cell.role] && !cell.totpEnabled;
    expect(totpEnrolmentRequired(cell, cell)).toBe(expected);
  });

  it.each(
    userRoles.flatMap((role) =>
      [true, false].flatMap((requireStaffSso) =>
        [true, false].map((totpEnabled) => ({ role, requireStaffSso, totpEnabled })),
      ),
    ),
  )("password sign-in for $role (SSO required: $requireStaffSso, TOTP: $totpEnabled)", (cell) => {
    const breakGlass = cell.role === "administrator" && cell.totpEnabled;
    const expected =
      cell.requireStaffSso && staff[cell.role] && !breakGlass
        ? "single_sign_on_required"
        : "allowed";
    expect(passwordSignIn(cell, cell)).toBe(expected);
  });

  it("refuses a password to every member of staff but an administrator with TOTP", () => {
    const refused = userRoles.filter(
      (role) =>
        passwordSignIn({ role, totpEnabled: true }, { requireStaffSso: true }) !== "allowed",
    );
    expect(refused).toEqual(["practitioner", "manager", "partnership_analyst"]);
  });
});
