import { type Executor, familyMembers, teamMemberships } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";

/** A practitioner (by user id) or a family member (by member record id). */
export type PersonRef = { userId: string } | { memberId: string };

export interface FamilyPeople {
  userIds: string[];
  memberIds: string[];
}

/**
 * Every person must be a practitioner in this family's team now, or a member
 * of this family, each listed once. Anything else is 422 naming `<field>.N`,
 * with `refusal` as the message. Used for action owners and meeting invitees.
 */
export async function validateFamilyPeople(
  db: Executor,
  familyId: string,
  people: readonly PersonRef[],
  field: string,
  refusal: string,
): Promise<FamilyPeople> {
  const userIds = people.flatMap((p) => ("userId" in p ? [p.userId] : []));
  const memberIds = people.flatMap((p) => ("memberId" in p ? [p.memberId] : []));
  const eligible = await eligiblePeople(db, familyId, userIds, memberIds);
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  people.forEach((person, index) => {
    const key = "userId" in person ? `user:${person.userId}` : `member:${person.memberId}`;
    if (seen.has(key)) {
      problems.push({ path: `${field}.${index}`, message: "is listed more than once" });
    } else if (!eligible.has(key)) {
      const message =
        "userId" in person
          ? "is not a practitioner in this family's team"
          : "is not a member of this family";
      problems.push({ path: `${field}.${index}`, message });
    }
    seen.add(key);
  });
  if (problems.length > 0) throw new AppError("unprocessable", refusal, problems);
  return { userIds, memberIds };
}

/** Keys `user:<id>` / `member:<id>` of the named people who belong to this family now. */
async function eligiblePeople(
  db: Executor,
  familyId: string,
  userIds: string[],
  memberIds: string[],
): Promise<Set<string>> {
  const team =
    userIds.length === 0
      ? []
      : await db
          .select({ id: teamMemberships.userId })
          .from(teamMemberships)
          .where(
            and(
              eq(teamMemberships.familyId, familyId),
              inArray(teamMemberships.userId, userIds),
              isNull(teamMemberships.removedAt),
            ),
          );
  const members =
    memberIds.length === 0
      ? []
      : await db
          .select({ id: familyMembers.id })
          .from(familyMembers)
          .where(and(eq(familyMembers.familyId, familyId), inArray(familyMembers.id, memberIds)));
  return new Set([...team.map((r) => `user:${r.id}`), ...members.map((r) => `member:${r.id}`)]);
}
