import { type Executor, familyMembers } from "@teamaround/db";
import {
  canSeeContactDetails,
  canSeeEqualityFields,
  canSeeMemberProfile,
  type FamilyAccess,
  giverRefusal,
  notFound,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { MemberRow } from "./member-rules";

/**
 * A family member as the caller may see them: contact details and the
 * equality fields only for those the domain allows (never another member of
 * the family: `canSeeContactDetails`, `canSeeEqualityFields`); their other
 * personal details (date of birth, school, needs, language and communication,
 * young carer) also for a parent with parental responsibility looking at a
 * child (`canSeeMemberProfile`) — anyone else in the family sees name and
 * relationship only; and whether they may give consent, by the domain's rule.
 */
export function presentMember(row: MemberRow, access: FamilyAccess, today: string) {
  const contact = canSeeContactDetails(access, row.id);
  const profile = canSeeMemberProfile(access, row);
  return {
    id: row.id,
    kind: row.kind,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: profile ? row.dateOfBirth : null,
    school: profile ? row.school : null,
    needs: profile ? row.needs : [],
    relationship: row.relationship,
    parentalResponsibility: row.parentalResponsibility,
    judgedCompetent: profile && row.judgedCompetent,
    canGiveConsent: giverRefusal(row, today) === null,
    address: contact ? row.address : null,
    phone: contact ? row.phone : null,
    email: contact ? row.email : null,
    preferredLanguage: profile ? row.preferredLanguage : null,
    interpreterNeeded: profile && row.interpreterNeeded,
    communicationNeeds: profile ? row.communicationNeeds : null,
    gpPractice: contact ? row.gpPractice : null,
    youngCarer: profile && row.youngCarer,
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
