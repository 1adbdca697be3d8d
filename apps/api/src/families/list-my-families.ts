import {
  actionOwners,
  actions,
  type Executor,
  families,
  familyMembers,
  meetings,
  teamMemberships,
} from "@teamaround/db";
import { type Actor, type MeetingDue, type Relationship, relationshipOf } from "@teamaround/domain";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import { loadNextMeetingDues } from "../meetings/commands/meeting-due";
import { presentNextMeetingDue } from "../meetings/present-meeting";
import { memberActionCounts } from "./member-action-counts";

/**
 * The families on the actor's caseload: their teams, their service (managers),
 * or their own (family). The SQL re-states `can(access, "family", "read")` for
 * speed; security/list-visibility.test.ts keeps the two in step.
 */
export async function listMyFamilies(
  db: Executor,
  actor: Actor,
  today: string,
  now: Date = new Date(),
) {
  const rows = await selectSummaries(db, actor, today);
  const dues = await loadNextMeetingDues(
    db,
    rows.map((r) => r.family),
  );
  // A family member counts only the actions their audience within the family lets them see.
  const memberCounts = await memberActionCounts(
    db,
    actor,
    rows.map((r) => r.family.id),
    today,
  );
  return rows.map((row) =>
    presentSummary({ ...row, ...memberCounts.get(row.family.id) }, actor, dues, now),
  );
}

/** Families held by a service, by the owning-service index. */
function heldBy(db: Executor, agencyId: string) {
  return db
    .select({ familyId: families.id })
    .from(families)
    .where(eq(families.owningAgencyId, agencyId));
}

function selectSummaries(db: Executor, actor: Actor, today: string) {
  const myTeams = db
    .select({ familyId: teamMemberships.familyId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.userId, actor.userId), isNull(teamMemberships.removedAt)));
  const myOwn = db
    .select({ familyId: familyMembers.familyId })
    .from(familyMembers)
    .where(eq(familyMembers.userId, actor.userId));
  const visible =
    actor.role === "family_member"
      ? inArray(families.id, myOwn)
      : actor.role === "manager" && actor.agencyId
        ? inArray(families.id, union(myTeams, heldBy(db, actor.agencyId)))
        : inArray(families.id, myTeams);

  // The meeting under way, else the soonest booked: one row per family, in the same query.
  const nextMeeting = db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      scheduledFor: meetings.scheduledFor,
      state: meetings.state,
    })
    .from(meetings)
    .where(and(eq(meetings.familyId, families.id), inArray(meetings.state, ["scheduled", "live"])))
    .orderBy(desc(sql`${meetings.state} = 'live'`), asc(meetings.scheduledFor))
    .limit(1)
    .as("next_meeting");

  return db
    .select({
      family: families,
      nextMeeting: {
        id: nextMeeting.id,
        kind: nextMeeting.kind,
        scheduledFor: nextMeeting.scheduledFor,
        state: nextMeeting.state,
      },
      teamRole: teamMemberships.role,
      familyMemberId: familyMembers.id,
      openActions: sql<number>`(select count(*)::int from ${actions} a where a.family_id = ${families.id} and a.status = 'open')`,
      overdueActions: sql<number>`(select count(*)::int from ${actions} a where a.family_id = ${families.id} and a.status = 'open' and a.due_date < ${today})`,
      // Open actions a practitioner owns who is no longer in the team (`needsNewOwner`).
      actionsNeedingNewOwner: sql<number>`(select count(distinct a.id)::int from ${actions} a join ${actionOwners} o on o.action_id = a.id and o.family_id = a.family_id where a.family_id = ${families.id} and a.status = 'open' and o.user_id is not null and not exists (select 1 from ${teamMemberships} t where t.family_id = a.family_id and t.user_id = o.user_id and t.removed_at is null))`,
    })
    .from(families)
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, families.id),
        eq(teamMemberships.userId, actor.userId),
        isNull(teamMemberships.removedAt),
      ),
    )
    .leftJoin(
      familyMembers,
      and(eq(familyMembers.familyId, families.id), eq(familyMembers.userId, actor.userId)),
    )
    .leftJoinLateral(nextMeeting, sql`true`)
    .where(visible)
    .orderBy(families.displayName);
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function presentSummary(
  row: SummaryRow,
  actor: Actor,
  dues: Map<string, MeetingDue | null>,
  now: Date,
) {
  const relationship = relationshipOf({
    actor,
    familyId: row.family.id,
    familyStatus: row.family.status,
    owningAgencyId: row.family.owningAgencyId,
    teamRole: row.teamRole,
    familyMemberId: row.familyMemberId,
  });
  const nextMeeting = presentNextMeeting(row.nextMeeting);
  return {
    id: row.family.id,
    reference: row.family.reference,
    displayName: row.family.displayName,
    levelOfNeed: row.family.levelOfNeed,
    status: row.family.status,
    relationship,
    openActions: Number(row.openActions),
    overdueActions: Number(row.overdueActions),
    // The team's business: staff in the team are asked to find a new owner.
    actionsNeedingNewOwner: staffInTeam.includes(relationship)
      ? Number(row.actionsNeedingNewOwner)
      : 0,
    nextMeeting,
    meetingDue: presentNextMeetingDue(dues.get(row.family.id) ?? null, now, nextMeeting !== null),
  };
}

const staffInTeam: readonly Relationship[] = ["lead_professional", "team_member"];

function presentNextMeeting(
  meeting: {
    id: string;
    kind: (typeof meetings.$inferSelect)["kind"];
    scheduledFor: Date;
    state: (typeof meetings.$inferSelect)["state"];
  } | null,
) {
  if (!meeting || (meeting.state !== "scheduled" && meeting.state !== "live")) return null;
  return {
    id: meeting.id,
    kind: meeting.kind,
    scheduledFor: meeting.scheduledFor.toISOString(),
    state: meeting.state,
  };
}
