import { actions, type Executor, familyMembers, outcomes } from "@teamaround/db";
import { type Actor, maySeeWithin } from "@teamaround/domain";
import { and, eq, inArray } from "drizzle-orm";
import { audienceOf } from "../shared/family-audience";

export interface ActionCounts {
  openActions: number;
  overdueActions: number;
}

/**
 * A family member's counts of open and overdue actions, per family: only the
 * actions whose audience (and their outcome's) includes them, as on their plan.
 */
export async function memberActionCounts(
  db: Executor,
  actor: Actor,
  familyIds: readonly string[],
  today: string,
): Promise<Map<string, ActionCounts>> {
  const counts = new Map<string, ActionCounts>();
  if (actor.role !== "family_member" || familyIds.length === 0) return counts;
  const me = await db
    .select({
      familyId: familyMembers.familyId,
      id: familyMembers.id,
      pr: familyMembers.parentalResponsibility,
    })
    .from(familyMembers)
    .where(eq(familyMembers.userId, actor.userId));
  const rows = await db
    .select({
      familyId: actions.familyId,
      dueDate: actions.dueDate,
      audience: actions.audience,
      audienceMemberIds: actions.audienceMemberIds,
      outcomeAudience: outcomes.audience,
      outcomeAudienceMemberIds: outcomes.audienceMemberIds,
    })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .where(and(inArray(actions.familyId, [...familyIds]), eq(actions.status, "open")));
  for (const familyId of familyIds) counts.set(familyId, { openActions: 0, overdueActions: 0 });
  for (const row of rows) {
    const member = me.find((m) => m.familyId === row.familyId);
    const count = counts.get(row.familyId);
    if (!member || !count) continue;
    const access = {
      actor,
      familyId: row.familyId,
      familyStatus: "plan_active" as const,
      owningAgencyId: "",
      teamRole: null,
      familyMemberId: member.id,
      familyMemberParentalResponsibility: member.pr,
    };
    const outcome = audienceOf({
      audience: row.outcomeAudience,
      audienceMemberIds: row.outcomeAudienceMemberIds,
    });
    if (!maySeeWithin(access, outcome, audienceOf(row))) continue;
    count.openActions += 1;
    if (row.dueDate < today) count.overdueActions += 1;
  }
  return counts;
}
