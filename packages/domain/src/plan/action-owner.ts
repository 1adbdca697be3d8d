/** An owner of an action as everyone sees it: in the live plan and in every stored plan version. */
export type ActionOwner =
  | { kind: "practitioner"; userId: string; name: string; agencyName: string | null }
  | { kind: "family_member"; memberId: string; name: string };

/**
 * An `action_owners` row joined with the owner's names: a practitioner's
 * user and agency, or a family member's record (exactly one of the ids is set).
 */
export interface ActionOwnerRecord {
  userId: string | null;
  userName: string | null;
  agencyName: string | null;
  memberId: string | null;
  givenName: string | null;
  familyName: string | null;
}

/**
 * The one presentation of an action owner. Stored plan versions keep its
 * output, so a change of shape here also bumps `planVersionFormat`.
 */
export function presentActionOwner(record: ActionOwnerRecord): ActionOwner {
  if (record.userId) {
    return {
      kind: "practitioner",
      userId: record.userId,
      name: record.userName ?? "",
      agencyName: record.agencyName,
    };
  }
  return {
    kind: "family_member",
    memberId: record.memberId ?? "",
    name: `${record.givenName ?? ""} ${record.familyName ?? ""}`.trim(),
  };
}

/** Owners by action id, in the order of the records given. */
export function groupActionOwners(
  records: readonly (ActionOwnerRecord & { actionId: string })[],
): Map<string, ActionOwner[]> {
  const byAction = new Map<string, ActionOwner[]>();
  for (const record of records) {
    const owners = byAction.get(record.actionId) ?? [];
    owners.push(presentActionOwner(record));
    byAction.set(record.actionId, owners);
  }
  return byAction;
}
