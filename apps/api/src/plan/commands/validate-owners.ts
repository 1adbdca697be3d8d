import { type Executor, familyMembers, teamMemberships } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { OwnerInput } from "../plan.schema";

export interface ValidOwners {
  userIds: string[];
  memberIds: string[];
}

/**
 * Owners must be practitioners in this family's team now, or members of this
 * family; each owner once. Anything else is 422 naming `owners.N`.
 */
export async function validateOwners(
  db: Executor,
  familyId: string,
  owners: readonly OwnerInput[],
): Promise<ValidOwners> {
  const userIds = owners.flatMap((o) => ("userId" in o ? [o.userId] : []));
  const memberIds = owners.flatMap((o) => ("memberId" in o ? [o.memberId] : []));
  const eligible = await eligibleOwners(db, familyId, userIds, memberIds);
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  owners.forEach((owner, index) => {
    const key = "userId" in owner ? `user:${owner.userId}` : `member:${owner.memberId}`;
    if (seen.has(key)) {
      problems.push({ path: `owners.${index}`, message: "is listed more than once" });
    } else if (!eligible.has(key)) {
      const message =
        "userId" in owner
          ? "is not a practitioner in this family's team"
          : "is not a member of this family";
      problems.push({ path: `owners.${index}`, message });
    }
    seen.add(key);
  });
  if (problems.length > 0) {
    throw new AppError("unprocessable", "An owner cannot own actions in this family.", problems);
  }
  return { userIds, memberIds };
}

/** Keys `user:<id>` / `member:<id>` of those who may own actions in this family. */
async function eligibleOwners(
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

/** The rows for `action_owners`, one per owner. */
export function ownerRows(familyId: string, actionId: string, owners: ValidOwners) {
  return [
    ...owners.userIds.map((userId) => ({ familyId, actionId, userId })),
    ...owners.memberIds.map((memberId) => ({ familyId, actionId, memberId })),
  ];
}
