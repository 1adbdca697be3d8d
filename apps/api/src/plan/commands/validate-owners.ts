import type { Executor } from "@teamaround/db";
import type { ActionNoticeOwner } from "@teamaround/domain";
import { type FamilyPeople, validateFamilyPeople } from "../../shared/validate-family-people";
import type { OwnerInput } from "../plan.schema";

export type ValidOwners = FamilyPeople;

/** Owners are practitioners in this family's team now, or members of this family; 422 names `owners.N`. */
export function validateOwners(
  db: Executor,
  familyId: string,
  owners: readonly OwnerInput[],
): Promise<ValidOwners> {
  return validateFamilyPeople(
    db,
    familyId,
    owners,
    "owners",
    "An owner cannot own actions in this family.",
  );
}

/** The rows for `action_owners`, one per owner. */
export function ownerRows(familyId: string, actionId: string, owners: ValidOwners) {
  return [
    ...owners.userIds.map((userId) => ({ familyId, actionId, userId })),
    ...owners.memberIds.map((memberId) => ({ familyId, actionId, memberId })),
  ];
}

/** The owners as their notices see them: accounts and family-member records. */
export function noticeOwners(owners: ValidOwners): ActionNoticeOwner[] {
  return [
    ...owners.userIds.map((userId) => ({ userId })),
    ...owners.memberIds.map((memberId) => ({ memberId })),
  ];
}
