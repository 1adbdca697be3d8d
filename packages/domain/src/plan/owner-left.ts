import type { ActionStatus } from "../shared/vocabulary";
import type { ActionOwner } from "./action-owner";

/**
 * The practitioners among an action's owners who are no longer in the
 * family's team (removed, or gone when the consent for their agency was
 * withdrawn). `teamUserIds` are the users in the team now.
 */
export function ownersWhoLeft(
  owners: readonly ActionOwner[],
  teamUserIds: readonly string[],
): string[] {
  return owners.flatMap((o) =>
    o.kind === "practitioner" && !teamUserIds.includes(o.userId) ? [o.userId] : [],
  );
}

/** An open action one of whose owners has left the team: the lead is asked to give it a new owner. */
export function needsNewOwner(
  status: ActionStatus,
  owners: readonly ActionOwner[],
  teamUserIds: readonly string[],
): boolean {
  return status === "open" && ownersWhoLeft(owners, teamUserIds).length > 0;
}
