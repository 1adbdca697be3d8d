import { describe, expect, it } from "vitest";
import { type UserRole, userRoles } from "../shared/vocabulary";
import {
  authorizeGlobal,
  canGlobal,
  type GlobalResource,
  globalPermissions,
} from "./global-policy";

/** P practitioner, M manager, A administrator, F family member. */
const expected: Record<string, string> = {
  "agency.list": "PMA",
  "agency.manage": "A",
  "user.list_directory": "PMA",
  "user.manage": "A",
  "family.create": "PM",
  "family.list_mine": "PMF",
  "my_actions.list": "PMF",
  "authority.read": "PMAF",
  "authority.manage": "A",
};
const letter: Record<UserRole, string> = {
  practitioner: "P",
  manager: "M",
  administrator: "A",
  family_member: "F",
};

const cells = Object.entries(globalPermissions).flatMap(([resource, actions]) =>
  Object.keys(actions).map((action) => `${resource}.${action}`),
);

describe("global permission matrix", () => {
  it("has an expected row for every permission, and no extra rows", () => {
    expect(Object.keys(expected).sort()).toEqual([...cells].sort());
  });

  it.each(cells.flatMap((cell) => userRoles.map((role) => ({ cell, role }))))(
    "$cell for $role",
    ({ cell, role }) => {
      const [resource, action] = cell.split(".") as [GlobalResource, string];
      const actor = { userId: "u", role, agencyId: null };
      expect(canGlobal(actor, resource, action as never)).toBe(
        expected[cell]?.includes(letter[role]),
      );
    },
  );

  it("throws forbidden when denied", () => {
    const actor = { userId: "u", role: "family_member" as const, agencyId: null };
    expect(() => authorizeGlobal(actor, "user", "manage")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });
});
