import { type FamilyAccess, type Relationship, relationshipOf } from "../authorization/actor";
import { type Refusal, refusalFor } from "../authorization/family-policy";
import { guestDocumentAccess } from "../authorization/guest-policy";
import type { DocumentKind } from "./document-name";

export type DocumentAccess = "read-write" | "read-only" | "none";

/**
 * Who may open each live document, as data (DESIGN §4). Service managers
 * read all three for oversight (they already read register entries hidden
 * from the family and lawful bases) but never write: the narrative is the
 * team's and the family's. A relationship absent from both lists gets none.
 */
export const documentPermissions = {
  plan: {
    readWrite: ["lead_professional", "team_member"],
    readOnly: ["service_manager", "family_member"],
  },
  voice: {
    readWrite: ["lead_professional", "team_member", "family_member"],
    readOnly: ["service_manager"],
  },
  notes: {
    readWrite: ["lead_professional", "team_member"],
    readOnly: ["service_manager"],
  },
} as const satisfies Record<
  DocumentKind,
  { readWrite: readonly Relationship[]; readOnly: readonly Relationship[] }
>;

/** Default deny. A closed case is read-only for everyone who could read it. */
export function documentAccess(access: FamilyAccess, kind: DocumentKind): DocumentAccess {
  const relationship = relationshipOf(access);
  // A guest in their meeting reads (or, if the lead allowed it, writes) the plan and nothing else.
  if (relationship === "guest") return kind === "plan" ? guestDocumentAccess(access) : "none";
  const row = documentPermissions[kind];
  const writes = (row.readWrite as readonly Relationship[]).includes(relationship);
  const reads = writes || (row.readOnly as readonly Relationship[]).includes(relationship);
  if (!reads) return "none";
  if (!writes || access.familyStatus === "closed") return "read-only";
  return "read-write";
}

export type DocumentOpening = { level: "read-write" | "read-only" } | { refused: Refusal };

/**
 * Whether the actor may open a live document, refused as `authorize` refuses
 * an HTTP read: not found to those who may not know the family exists,
 * forbidden to insiders without access to this document.
 */
export function openDocument(access: FamilyAccess, kind: DocumentKind): DocumentOpening {
  if (relationshipOf(access) === "guest") {
    const level = documentAccess(access, kind);
    return level === "none" ? { refused: "not_found" } : { level };
  }
  const refused = refusalFor(access, "family", "read");
  if (refused) return { refused };
  const level = documentAccess(access, kind);
  return level === "none" ? { refused: "forbidden" } : { level };
}

/**
 * The live documents a family member may open, from the table above: all a
 * family-safe printout may show of the narrative (never the practitioners' notes).
 */
export const familyDocumentKinds: readonly DocumentKind[] = (
  Object.keys(documentPermissions) as DocumentKind[]
).filter((kind) => {
  const row = documentPermissions[kind];
  const readers: readonly Relationship[] = [...row.readWrite, ...row.readOnly];
  return readers.includes("family_member");
});
