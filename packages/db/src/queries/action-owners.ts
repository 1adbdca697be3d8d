import { type ActionOwner, groupActionOwners } from "@teamaround/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { actionOwners, agencies, familyMembers, users } from "../schema";

/**
 * The owners of a family's actions (or of some of them), presented as the
 * live plan and the stored plan versions both show them, by action id: family
 * members first, then practitioners, each by name (ids are random, so they
 * only break ties).
 */
export async function listActionOwners(
  db: Executor,
  familyId: string,
  only?: { actionIds: readonly string[] },
): Promise<Map<string, ActionOwner[]>> {
  if (only && only.actionIds.length === 0) return new Map();
  const rows = await db
    .select({
      actionId: actionOwners.actionId,
      userId: actionOwners.userId,
      userName: users.displayName,
      agencyName: agencies.name,
      memberId: actionOwners.memberId,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(actionOwners)
    .leftJoin(users, eq(users.id, actionOwners.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(familyMembers, eq(familyMembers.id, actionOwners.memberId))
    .where(
      and(
        eq(actionOwners.familyId, familyId),
        only ? inArray(actionOwners.actionId, [...only.actionIds]) : undefined,
      ),
    )
    .orderBy(
      sql`${actionOwners.memberId} is null`,
      sql`coalesce(${familyMembers.givenName} || ' ' || ${familyMembers.familyName}, ${users.displayName})`,
      asc(actionOwners.id),
    );
  return groupActionOwners(rows);
}
