import { type Executor, familyMembers } from "@teamaround/db";
import { notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { MemberRow } from "./member-rules";

export function presentMember(row: MemberRow) {
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
