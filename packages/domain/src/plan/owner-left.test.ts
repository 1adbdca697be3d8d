import { describe, expect, it } from "vitest";
import type { ActionOwner } from "./action-owner";
import { needsNewOwner, ownersWhoLeft } from "./owner-left";

const nurse: ActionOwner = { kind: "practitioner", userId: "nurse", name: "N", agencyName: null };
const teacher: ActionOwner = {
  kind: "practitioner",
  userId: "teacher",
  name: "T",
  agencyName: null,
};
const mum: ActionOwner = { kind: "family_member", memberId: "mum", name: "M" };

describe("ownersWhoLeft", () => {
  it("names the practitioners no longer in the team", () => {
    expect(ownersWhoLeft([nurse, teacher, mum], ["teacher"])).toEqual(["nurse"]);
  });

  it("never counts a family member as having left", () => {
    expect(ownersWhoLeft([mum], [])).toEqual([]);
  });
});

describe("needsNewOwner", () => {
  it.each([
    { status: "open", team: ["teacher"], owners: [nurse], expected: true },
    { status: "open", team: ["teacher"], owners: [nurse, teacher], expected: true },
    { status: "open", team: ["nurse", "teacher"], owners: [nurse, teacher], expected: false },
    { status: "done", team: [], owners: [nurse], expected: false },
    { status: "dropped", team: [], owners: [nurse], expected: false },
    { status: "open", team: [], owners: [mum], expected: false },
  ] as const)("$status action, team $team: $expected", ({ status, team, owners, expected }) => {
    expect(needsNewOwner(status, owners, team)).toBe(expected);
  });
});
