import { describe, expect, it } from "vitest";
import { type ActionOwnerRecord, groupActionOwners, presentActionOwner } from "./action-owner";

const none: ActionOwnerRecord = {
  userId: null,
  userName: null,
  agencyName: null,
  memberId: null,
  givenName: null,
  familyName: null,
};

describe("presentActionOwner", () => {
  it.each([
    [
      "a practitioner with an agency",
      { userId: "u1", userName: "Sam Lee", agencyName: "Health" },
      { kind: "practitioner", userId: "u1", name: "Sam Lee", agencyName: "Health" },
    ],
    [
      "a practitioner without an agency",
      { userId: "u2", userName: "Jo Park" },
      { kind: "practitioner", userId: "u2", name: "Jo Park", agencyName: null },
    ],
    [
      "a family member",
      { memberId: "m1", givenName: "Robin", familyName: "Hart" },
      { kind: "family_member", memberId: "m1", name: "Robin Hart" },
    ],
    [
      "a family member known by a given name only",
      { memberId: "m2", givenName: "Robin" },
      { kind: "family_member", memberId: "m2", name: "Robin" },
    ],
  ] as const)("presents %s", (_what, record, expected) => {
    expect(presentActionOwner({ ...none, ...record })).toEqual(expected);
  });
});

describe("groupActionOwners", () => {
  it("groups by action, keeping the order given", () => {
    const grouped = groupActionOwners([
      { ...none, actionId: "a1", userId: "u1", userName: "Sam" },
      { ...none, actionId: "a2", memberId: "m1", givenName: "Robin" },
      { ...none, actionId: "a1", memberId: "m1", givenName: "Robin" },
    ]);
    expect([...grouped.keys()]).toEqual(["a1", "a2"]);
    expect(grouped.get("a1")?.map((o) => o.kind)).toEqual(["practitioner", "family_member"]);
  });
});
