import { describe, expect, it } from "vitest";
import { type FamilyAccess, type Relationship, relationships } from "../authorization/actor";
import type { FamilyStatus } from "../shared/vocabulary";
import {
  type DocumentAccess,
  documentAccess,
  documentPermissions,
  familyDocumentKinds,
  openDocument,
} from "./document.policy";
import { type DocumentKind, documentKinds } from "./document-name";

/**
 * The expected matrix, written out independently of the table:
 * L lead professional, T team member, M service manager, F family member,
 * A administrator, O outsider. `rw` writes, `ro` only reads; anyone else gets none.
 * On a closed case everyone who could read keeps reading and nobody writes.
 */
const expected: Record<DocumentKind, { rw: string; ro: string }> = {
  // G: a guest in their meeting, not allowed to write (see guest-policy.test.ts for writers).
  plan: { rw: "LT", ro: "MFG" },
  voice: { rw: "LTF", ro: "M" },
  notes: { rw: "LT", ro: "M" },
};

const letter: Record<Relationship, string> = {
  lead_professional: "L",
  team_member: "T",
  service_manager: "M",
  family_member: "F",
  administrator: "A",
  guest: "G",
  outsider: "O",
};

function accessFor(relationship: Relationship, familyStatus: FamilyStatus): FamilyAccess {
  const base = {
    familyId: "f1",
    familyStatus,
    owningAgencyId: "agency-1",
    teamRole: null,
    familyMemberId: null,
  };
  const staff = { userId: "u", role: "practitioner" as const, agencyId: "agency-2" };
  switch (relationship) {
    case "lead_professional":
      return { ...base, actor: staff, teamRole: "lead_professional" };
    case "team_member":
      return { ...base, actor: staff, teamRole: "member" };
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
      return { ...base, actor: { ...staff, agencyId: "agency-3" } };
  }
}

function expectedAccess(kind: DocumentKind, relationship: Relationship, closed: boolean) {
  const row = expected[kind];
  const l = letter[relationship];
  const reads = row.rw.includes(l) || row.ro.includes(l);
  if (!reads) return "none";
  return row.rw.includes(l) && !closed ? "read-write" : "read-only";
}

describe("document access matrix", () => {
  it("has an expected row for every document kind and table row, and no extra rows", () => {
    expect(Object.keys(expected).sort()).toEqual([...documentKinds].sort());
    expect(Object.keys(documentPermissions).sort()).toEqual([...documentKinds].sort());
  });

  it("gives every relationship a letter, so no one is left out of the matrix", () => {
    expect(Object.keys(letter).sort()).toEqual([...relationships].sort());
  });

  const rows = documentKinds.flatMap((kind) =>
    relationships.flatMap((relationship) =>
      (["plan_active", "assessment_started", "closed"] as const).map((status) => ({
        kind,
        relationship,
        status,
      })),
    ),
  );

  it.each(rows)("$kind for $relationship on a $status case", ({ kind, relationship, status }) => {
    const want: DocumentAccess = expectedAccess(kind, relationship, status === "closed");
    expect(documentAccess(accessFor(relationship, status), kind)).toBe(want);
  });
});

/** Who may know the family exists, so is told "forbidden" rather than "not found". */
const mayKnowTheFamily = "LTMF";

describe("opening a document, refused as HTTP refuses", () => {
  const rows = documentKinds.flatMap((kind) =>
    relationships.flatMap((relationship) =>
      (["plan_active", "closed"] as const).map((status) => ({ kind, relationship, status })),
    ),
  );

  it.each(rows)("$kind for $relationship on a $status case", ({ kind, relationship, status }) => {
    const want = expectedAccess(kind, relationship, status === "closed");
    const refused = mayKnowTheFamily.includes(letter[relationship]) ? "forbidden" : "not_found";
    expect(openDocument(accessFor(relationship, status), kind)).toEqual(
      want === "none" ? { refused } : { level: want },
    );
  });

  it("tells a family member of another family the document does not exist", () => {
    const other = { ...accessFor("family_member", "plan_active"), familyMemberId: null };
    for (const kind of documentKinds) {
      expect(openDocument(other, kind)).toEqual({ refused: "not_found" });
    }
  });
});

describe("document access edge cases", () => {
  it("refuses a family member of another family everything", () => {
    const other = { ...accessFor("family_member", "plan_active"), familyMemberId: null };
    for (const kind of documentKinds) expect(documentAccess(other, kind)).toBe("none");
  });

  it("treats a manager of another service as an outsider", () => {
    const access = {
      ...accessFor("service_manager", "plan_active"),
      actor: { userId: "u", role: "manager" as const, agencyId: "elsewhere" },
    };
    for (const kind of documentKinds) expect(documentAccess(access, kind)).toBe("none");
  });

  it("lets an administrator in the team write like a team member", () => {
    const access = { ...accessFor("administrator", "plan_active"), teamRole: "member" as const };
    expect(documentAccess(access, "notes")).toBe("read-write");
  });
});

describe("familyDocumentKinds", () => {
  it("is the plan and the family's own words, never the practitioners' notes", () => {
    expect([...familyDocumentKinds].sort()).toEqual(["plan", "voice"]);
  });
});
