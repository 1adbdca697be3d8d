import type {
  AccessRevokedEvent,
  FamilyChangeKind,
  FamilyChangeResource,
  RealtimeEvent,
} from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";

/**
 * Announces a change to the realtime servers. Call it only after
 * `await db.transaction(...)` has returned — never inside one — so a change
 * that rolled back is never announced. It never throws: the change has
 * committed, and realtime re-checks every connection anyway.
 */
export async function publishAfterCommit(c: Context<ApiEnv>, event: RealtimeEvent): Promise<void> {
  await c.var.deps.events.publish(event);
}

/**
 * `family.changed` by the signed-in person: live notices in the family's
 * meeting rooms. `familySeenBy` narrows who in the family hears of it (an
 * item with a narrower audience: `familySeenBy` in shared/family-audience.ts).
 */
export function publishFamilyChange(
  c: Context<ApiEnv>,
  familyId: string,
  resource: FamilyChangeResource,
  id: string,
  change: FamilyChangeKind,
  familySeenBy?: string[],
): Promise<void> {
  const by = c.var.actor?.userId ?? c.var.user?.id ?? "";
  const at = c.var.deps.now().toISOString();
  const narrowed = familySeenBy ? { familySeenBy } : {};
  return publishAfterCommit(c, {
    type: "family.changed",
    familyId,
    resource,
    id,
    change,
    by,
    at,
    ...narrowed,
  });
}

/** `access.revoked`: closes the live connections it names. Naming nobody publishes nothing. */
export function publishAccessRevoked(
  c: Context<ApiEnv>,
  revoked: Omit<AccessRevokedEvent, "type">,
): Promise<void> {
  const names = (revoked.userIds?.length ?? 0) + (revoked.sessionIds?.length ?? 0);
  if (names === 0) return Promise.resolve();
  return publishAfterCommit(c, { type: "access.revoked", ...revoked });
}
