import {
  actionOwners,
  actions,
  type Executor,
  episodes,
  families,
  familyMembers,
  outcomes,
  teamMemberships,
} from "@teamaround/db";
import { type Actor, canChangeAction } from "@teamaround/domain";
import { and, asc, desc, eq, gt, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { isOverdue } from "../present-action";

export type MyActionsStatus = "open" | "done" | "all";

/**
 * The actions the actor owns, across families, in one query: as a user for
 * staff (only where they are still in the team), through their member record
 * for a family member. Overdue first, then by due date. The SQL re-states
 * `isOnMyActionList` for speed; security/list-visibility.test.ts keeps the two
 * in step. Only the actions of each family's current (latest) episode: an
 * earlier episode's plan is history.
 */
export async function listMyActions(
  db: Executor,
  actor: Actor,
  status: MyActionsStatus,
  today: string,
) {
  const mine =
    actor.role === "family_member"
      ? isNotNull(familyMembers.id)
      : and(eq(actionOwners.userId, actor.userId), isNotNull(teamMemberships.id));
  const overdue = sql<boolean>`(${actions.status} = 'open' and ${actions.dueDate} < ${today})`;
  const later = alias(episodes, "later");
  const currentEpisode = notExists(
    db
      .select({ id: later.id })
      .from(later)
      .where(and(eq(later.familyId, episodes.familyId), gt(later.number, episodes.number))),
  );
  const rows = await db
    .select({
      action: actions,
      family: families,
      outcomeTitle: outcomes.title,
      teamRole: teamMemberships.role,
      memberId: familyMembers.id,
    })
    .from(actions)
    .innerJoin(families, eq(families.id, actions.familyId))
    .innerJoin(
      outcomes,
      and(eq(outcomes.id, actions.outcomeId), eq(outcomes.familyId, actions.familyId)),
    )
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .innerJoin(
      actionOwners,
      and(eq(actionOwners.actionId, actions.id), eq(actionOwners.familyId, actions.familyId)),
    )
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, actions.familyId),
        eq(teamMemberships.userId, actor.userId),
        isNull(teamMemberships.removedAt),
      ),
    )
    .leftJoin(
      familyMembers,
      and(
        eq(familyMembers.id, actionOwners.memberId),
        eq(familyMembers.familyId, actions.familyId),
        eq(familyMembers.userId, actor.userId),
      ),
    )
    .where(and(mine, currentEpisode, status === "all" ? undefined : eq(actions.status, status)))
    .orderBy(desc(overdue), asc(actions.dueDate), asc(actions.createdAt), asc(actions.id));
  return rows.map((r) => presentMyAction(r, actor, today));
}

function presentMyAction(
  r: {
    action: typeof actions.$inferSelect;
    family: typeof families.$inferSelect;
    outcomeTitle: string;
    teamRole: "lead_professional" | "member" | null;
    memberId: string | null;
  },
  actor: Actor,
  today: string,
) {
  const access = {
    actor,
    familyId: r.family.id,
    familyStatus: r.family.status,
    owningAgencyId: r.family.owningAgencyId,
    teamRole: r.teamRole,
    familyMemberId: r.memberId,
  };
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
