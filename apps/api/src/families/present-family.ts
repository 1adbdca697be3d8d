import {
  type DocumentAccess,
  type DocumentKind,
  documentAccess,
  documentKinds,
  type FamilyAccess,
} from "@teamaround/domain";
import type { FamilyRow } from "./family-access";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentFamily(row: FamilyRow) {
  return {
    id: row.id,
    reference: row.reference,
    displayName: row.displayName,
    levelOfNeed: row.levelOfNeed,
    locality: row.locality,
    status: row.status,
    origin: row.origin,
    steppedDownAt: iso(row.steppedDownAt),
    closureReason: row.closureReason,
    closureNote: row.closureNote,
    closedAt: iso(row.closedAt),
    owningAgencyId: row.owningAgencyId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the caller may do with each live document, from the domain's document policy. */
export function presentDocumentAccess(access: FamilyAccess): Record<DocumentKind, DocumentAccess> {
  const result = {} as Record<DocumentKind, DocumentAccess>;
  for (const kind of documentKinds) result[kind] = documentAccess(access, kind);
  return result;
}
