import type { Executor } from "@teamaround/db";
import { type FamilyPeople, validateFamilyPeople } from "../../shared/validate-family-people";
import type { InviteeInput } from "../meetings.schema";

export type ValidInvitees = FamilyPeople;

/**
 * Invitees are practitioners in this family's team now, or members of this
 * family; 422 names `invitees.N`. The chair is always among them.
 */
export async function validateInvitees(
  db: Executor,
  familyId: string,
  chairUserId: string,
  invitees: readonly InviteeInput[],
): Promise<ValidInvitees> {
  const valid = await validateFamilyPeople(
    db,
    familyId,
    invitees,
    "invitees",
    "Someone invited cannot attend this family's meeting.",
  );
  return { userIds: [...new Set([chairUserId, ...valid.userIds])], memberIds: valid.memberIds };
}

/** The rows for `meeting_invitees`. */
export function inviteeRows(familyId: string, meetingId: string, invitees: ValidInvitees) {
  return [
    ...invitees.userIds.map((userId) => ({ familyId, meetingId, userId })),
    ...invitees.memberIds.map((memberId) => ({ familyId, meetingId, memberId })),
  ];
}
