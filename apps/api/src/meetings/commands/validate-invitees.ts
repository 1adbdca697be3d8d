import { type Executor, familyMembers, teamMemberships } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { InviteeInput } from "../meetings.schema";

export interface ValidInvitees {
  userIds: string[];
  memberIds: string[];
}

/**
 * Invitees are practitioners in this family's team now, or members of this
 * family; each once. Anything else is 422 naming `invitees.N`. The chair is
 * always among them.
 */
export async function validateInvitees(
  db: Executor,
  familyId: string,
  chairUserId: string,
  invitees: readonly InviteeInput[],
): Promise<ValidInvitees> {
  const userIds = invitees.flatMap((i) => ("userId" in i ? [i.userId] : []));
  const memberIds = invitees.flatMap((i) => ("memberId" in i ? [i.memberId] : []));
  const eligible = await eligibleInvitees(db, familyId, userIds, memberIds);
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  invitees.forEach((invitee, index) => {
    const key = "userId" in invitee ? `user:${invitee.userId}` : `member:${invitee.memberId}`;
    if (seen.has(key)) {
      problems.push({ path: `invitees.${index}`, message: "is listed more than once" });
    } else if (!eligible.has(key)) {
      const message =
        "userId" in invitee
          ? "is not a practitioner in this family's team"
          : "is not a member of this family";
      problems.push({ path: `invitees.${index}`, message });
    }
    seen.add(key);
  });
  if (problems.length > 0) {
    throw new AppError(
      "unprocessable",
      "Someone invited cannot attend this family's meeting.",
      problems,
    );
  }
  return { userIds: [...new Set([chairUserId, ...userIds])], memberIds };
}

async function eligibleInvitees(
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

/** The rows for `meeting_invitees`. */
export function inviteeRows(familyId: string, meetingId: string, invitees: ValidInvitees) {
  return [
    ...invitees.userIds.map((userId) => ({ familyId, meetingId, userId })),
    ...invitees.memberIds.map((memberId) => ({ familyId, meetingId, memberId })),
  ];
}
