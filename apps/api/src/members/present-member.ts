import { type Executor, familyMembers } from "@teamaround/db";
import {
  canSeeContactDetails,
  canSeeEqualityFields,
  type FamilyAccess,
  giverRefusal,
  notFound,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { MemberRow } from "./member-rules";

/**
 * A family member as the caller may see them: contact details and the
 * equality fields only for those the domain allows (never another member of
 * the family: `canSeeContactDetails`, `canSeeEqualityFields`),
 * and whether they may give consent, by the domain's rule.
 */
export function presentMember(row: MemberRow, access: FamilyAccess, today: string) {
  const contact = canSeeContactDetails(access, row.id);
  return {
    id: row.id,
    kind: row.kind,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    school: row.school,
    needs: row.needs,
    relationship: row.relationship,
    parentalResponsibility: row.parentalResponsibility,
    judgedCompetent: row.judgedCompetent,
    canGiveConsent: giverRefusal(row, today) === null,
    address: contact ? row.address : null,
    phone: contact ? row.phone : null,
    email: contact ? row.email : null,
    preferredLanguage: row.preferredLanguage,
    interpreterNeeded: row.interpreterNeeded,
    communicationNeeds: row.communicationNeeds,
    gpPractice: contact ? row.gpPractice : null,
    youngCarer: row.youngCarer,
    equality: canSeeEqualityFields(access, row.id)
      ? { ethnicity: row.ethnicity, religion: row.religion, disabilityOrSen: row.disabilityOrSen }
      : null,
    hasPortalAccount: row.userId !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One member of this family; a member of another family answers 404. */
export async function getMember(db: Executor, familyId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.id, memberId), eq(familyMembers.familyId, familyId)));
  if (!row) throw notFound("That family member");
  return row;
}
