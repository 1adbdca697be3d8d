import {
  actionOwners,
  actions,
  type Executor,
  episodes,
  families,
  familyMembers,
  outcomes,
} from "@teamaround/db";
import { type Actor, canChangeAction, type FamilyAccess, maySeeWithin } from "@teamaround/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audienceOf } from "../../shared/family-audience";
import { isOverdue } from "../present-action";

export type MyActionsStatus = "open" | "done" | "all";

/**
 * A family member's actions, across the families they belong to, through their
 * member record: only the actions whose audience (and their outcome's) includes
 * them (`maySeeWithin`). Overdue first, then by due date. Only the actions of
 * each family's current (latest) episode: an earlier episode's plan is
 * history. Staff read theirs with `listMyActionsAudited`, which records the
 * read in the same statement. The SQL of both re-states `isOnMyActionList` for
 * speed; security/list-visibility.test.ts keeps them in step.
 *
 * The query starts from the owner's rows and joins four tables; the current
 * episode is a correlated subquery the planner plans on its own. The earlier
 * single query for both kinds of owner (seven tables with outer joins and an
 * anti-join) took 10–40 ms to plan on every request at 150,000 families, for
 * about 1 ms of execution.
 */
export async function listFamilyMemberActions(
  db: Executor,
  actor: Actor,
  status: MyActionsStatus,
  today: string,
) {
  if (actor.role !== "family_member")
    throw new Error("listFamilyMemberActions is for family members");
  const overdue = sql<boolean>`(${actions.status} = 'open' and ${actions.dueDate} < ${today})`;
  const latest = alias(episodes, "latest");
  const currentEpisodeId = db
    .select({ id: latest.id })
    .from(latest)
    .where(eq(latest.familyId, actions.familyId))
    .orderBy(desc(latest.number))
    .limit(1);
  const rows = await db
    .select({
      action: actions,
      family: families,
      outcomeTitle: outcomes.title,
      outcomeAudience: outcomes.audience,
      outcomeAudienceMemberIds: outcomes.audienceMemberIds,
      teamRole: sql<null>`null`,
      memberId: familyMembers.id,
      memberPr: familyMembers.parentalResponsibility,
    })
    .from(familyMembers)
    .innerJoin(
      actionOwners,
      and(
        eq(actionOwners.memberId, familyMembers.id),
        eq(actionOwners.familyId, familyMembers.familyId),
      ),
    )
    .innerJoin(
      actions,
      and(eq(actions.id, actionOwners.actionId), eq(actions.familyId, actionOwners.familyId)),
    )
    .innerJoin(
      outcomes,
      and(eq(outcomes.id, actions.outcomeId), eq(outcomes.familyId, actions.familyId)),
    )
    .innerJoin(families, eq(families.id, actions.familyId))
    .where(
      and(
        eq(familyMembers.userId, actor.userId),
        sql`${outcomes.episodeId} = (${currentEpisodeId})`,
        status === "all" ? undefined : eq(actions.status, status),
      ),
    )
    .orderBy(desc(overdue), asc(actions.dueDate), asc(actions.createdAt), asc(actions.id));
  return rows.flatMap((r) => {
    const outcome = audienceOf({
      audience: r.outcomeAudience,
      audienceMemberIds: r.outcomeAudienceMemberIds,
    });
    if (!maySeeWithin(accessOf(r, actor), outcome, audienceOf(r.action))) return [];
    return [presentMyAction(r, actor, today)];
  });
}

export interface MyActionRow {
  action: Pick<
    typeof actions.$inferSelect,
    "id" | "outcomeId" | "text" | "dueDate" | "status" | "version"
  >;
  family: Pick<
    typeof families.$inferSelect,
    "id" | "reference" | "displayName" | "status" | "owningAgencyId"
  >;
  outcomeTitle: string;
  teamRole: "lead_professional" | "member" | null;
  memberId: string | null;
  memberPr: boolean;
}

function accessOf(r: MyActionRow, actor: Actor): FamilyAccess {
  return {
    actor,
    familyId: r.family.id,
    familyStatus: r.family.status,
    owningAgencyId: r.family.owningAgencyId,
    teamRole: r.teamRole,
    familyMemberId: r.memberId,
    familyMemberParentalResponsibility: r.memberPr,
  };
}

export function presentMyAction(r: MyActionRow, actor: Actor, today: string) {
  const access = accessOf(r, actor);
  return {
    id: r.action.id,
    familyId: r.family.id,
    familyReference: r.family.reference,
    familyDisplayName: r.family.displayName,
    outcomeId: r.action.outcomeId,
    outcomeTitle: r.outcomeTitle,
    text: r.action.text,
    dueDate: r.action.dueDate,
    status: r.action.status,
    overdue: isOverdue(r.action.status, r.action.dueDate, today),
    version: r.action.version,
    canUpdate: canChangeAction(access, "update", r.memberId ? [r.memberId] : []),
  };
}
