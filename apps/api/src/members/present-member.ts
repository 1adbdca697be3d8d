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
 * A family member as the caller may see them: contact details, the equality
 * fields and their other personal details (date of birth, school, needs,
 * language and communication, young carer) only for those the domain allows
 * — never another member of the family, who sees name and relationship only
 * (`canSeeContactDetails`, `canSeeEqualityFields`) — and whether they may
 * give consent, by the domain's rule.
 */
export function presentMember(row: MemberRow, access: FamilyAccess, today: string) {
  const contact = canSeeContactDetails(access, row.id);
  return {
    id: row.id,
    kind: row.kind,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: contact ? row.dateOfBirth : null,
    school: contact ? row.school : null,
    needs: contact ? row.needs : [],
    relationship: row.relationship,
    parentalResponsibility: row.parentalResponsibility,
    judgedCompetent: contact && row.judgedCompetent,
    canGiveConsent: giverRefusal(row, today) === null,
    address: contact ? row.address : null,
    phone: contact ? row.phone : null,
    email: contact ? row.email : null,
    preferredLanguage: contact ? row.preferredLanguage : null,
    interpreterNeeded: contact && row.interpreterNeeded,
    communicationNeeds: contact ? row.communicationNeeds : null,
    gpPractice: contact ? row.gpPractice : null,
    youngCarer: contact && row.youngCarer,
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
