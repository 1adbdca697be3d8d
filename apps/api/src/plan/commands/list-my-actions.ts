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
import { type Actor, canChangeAction, type FamilyAccess, maySeeWithin } from "@teamaround/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audienceOf } from "../../shared/family-audience";
import { isOverdue } from "../present-action";

export type MyActionsStatus = "open" | "done" | "all";

/**
 * The actions the actor owns, across families: as a user for staff (only
 * where they are still in the team), through their member record for a family
 * member. Overdue first, then by due date. The SQL re-states
 * `isOnMyActionList` for speed; security/list-visibility.test.ts keeps the two
 * in step. Only the actions of each family's current (latest) episode: an
 * earlier episode's plan is history. A family member's list keeps only the
 * actions whose audience (and their outcome's) includes them (`maySeeWithin`).
 *
 * Each query starts from the owner's rows and joins four tables; the current
 * episode is a correlated subquery the planner plans on its own. The earlier
 * single query for both kinds of owner (seven tables with outer joins and an
 * anti-join) took 10–40 ms to plan on every request at 150,000 families, for
 * about 1 ms of execution.
 */
export async function listMyActions(
  db: Executor,
  actor: Actor,
  status: MyActionsStatus,
  today: string,
) {
  const overdue = sql<boolean>`(${actions.status} = 'open' and ${actions.dueDate} < ${today})`;
  const latest = alias(episodes, "latest");
  const currentEpisodeId = db
    .select({ id: latest.id })
    .from(latest)
    .where(eq(latest.familyId, actions.familyId))
    .orderBy(desc(latest.number))
    .limit(1);
  const conditions = and(
    sql`${outcomes.episodeId} = (${currentEpisodeId})`,
    status === "all" ? undefined : eq(actions.status, status),
  );
  const owned = and(
    eq(actions.id, actionOwners.actionId),
    eq(actions.familyId, actionOwners.familyId),
  );
  const ofOutcome = and(
    eq(outcomes.id, actions.outcomeId),
    eq(outcomes.familyId, actions.familyId),
  );
  const order = [desc(overdue), asc(actions.dueDate), asc(actions.createdAt), asc(actions.id)];
  const common = {
    action: actions,
    family: families,
    outcomeTitle: outcomes.title,
    outcomeAudience: outcomes.audience,
    outcomeAudienceMemberIds: outcomes.audienceMemberIds,
  };
  const rows =
    actor.role === "family_member"
      ? await db
          .select({
            ...common,
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
          .innerJoin(actions, owned)
          .innerJoin(outcomes, ofOutcome)
          .innerJoin(families, eq(families.id, actions.familyId))
          .where(and(eq(familyMembers.userId, actor.userId), conditions))
          .orderBy(...order)
      : await db
          .select({
            ...common,
            teamRole: teamMemberships.role,
            memberId: sql<null>`null`,
            memberPr: sql<boolean>`false`,
          })
          .from(actionOwners)
          .innerJoin(actions, owned)
          .innerJoin(
            teamMemberships,
            and(
              eq(teamMemberships.familyId, actions.familyId),
              eq(teamMemberships.userId, actor.userId),
              isNull(teamMemberships.removedAt),
            ),
          )
          .innerJoin(outcomes, ofOutcome)
          .innerJoin(families, eq(families.id, actions.familyId))
          .where(and(eq(actionOwners.userId, actor.userId), conditions))
          .orderBy(...order);
  return rows.flatMap((r) => {
    const access = accessOf(r, actor);
    const outcome = audienceOf({
      audience: r.outcomeAudience,
      audienceMemberIds: r.outcomeAudienceMemberIds,
    });
    if (!maySeeWithin(access, outcome, audienceOf(r.action))) return [];
    return [presentMyAction(r, access, today)];
  });
}

interface MyActionRow {
  action: typeof actions.$inferSelect;
  family: typeof families.$inferSelect;
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

function presentMyAction(r: MyActionRow, access: FamilyAccess, today: string) {
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
