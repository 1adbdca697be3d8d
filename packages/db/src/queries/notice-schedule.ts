import {
  dayAfter,
  digestHasSomething,
  meetingIsDue,
  type NoticeContent,
  ukClock,
} from "@teamaround/domain";
import { and, count, eq, inArray, isNull, lt, notExists, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  actionOwners,
  actions,
  dailyDigestRuns,
  episodes,
  families,
  familyMembers,
  localAuthorities,
  meetings,
  noticePreferences,
  notices,
  outcomes,
  teamMemberships,
  users,
} from "../schema";
import { loadNextMeetingDues } from "./meeting-dues";
import { enqueuePersonNotice } from "./person-notices";

/** "HH:MM" when a person's notices of the day come (their digest time, 08:00 unless they chose). */
const digestTime = sql<string>`coalesce(${noticePreferences.digestTime}, '08:00')`;

/** Open actions of a current (open) episode. */
function ofOpenEpisode() {
  return and(eq(actions.status, "open"), isNull(episodes.closedAt));
}

/**
 * "Due tomorrow" notices (`action_due`): to each owner of each open action of
 * an open episode due on the UK day after `now`, once their time of day for
 * notices has come — staff owners while still in the team, family members
 * who own it at their active portal account (in plain words; one without an
 * account is not written to). Once per action, owner and due date (the
 * idempotency key), however often and on however many nodes this runs: a
 * due date moved to another tomorrow is told again. Answers the people told.
 */
export async function enqueueActionDueNotices(
  db: Executor,
  now: Date,
  limit = 500,
): Promise<string[]> {
  const clock = ukClock(now);
  const tomorrow = dayAfter(clock.day);
  const staff = await dueToStaff(db, clock.time, tomorrow, limit);
  const family = await dueToFamily(db, clock.time, tomorrow, limit);
  const rows = [...staff, ...family];
  if (rows.length === 0) return [];
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const ids = { actionId: row.actionId, familyId: row.familyId, dueDate: row.dueDate };
      const variables = row.audience === "family" ? { ...ids, audience: row.audience } : ids;
      const named = row.audience === "staff" && row.namesAllowed;
      await enqueuePersonNotice(tx, {
        authorityId: row.authorityId,
        userId: row.userId,
        content: { kind: "action_due", variables },
        emailContent: {
          kind: "action_due",
          variables: named ? { ...variables, familyName: row.familyName } : variables,
        },
        familyId: row.familyId,
        idempotencyKey: row.key,
        dueAt: now,
      });
    }
  });
  return [...new Set(rows.map((r) => r.userId))];
}

const dueKey = (userId: SQL) =>
  sql<string>`'action_due:' || ${actions.id} || ':' || ${actions.dueDate} || ':' || ${userId}`;

/** Not yet told (its in-app notice is the marker), due tomorrow, and the person's time has come. */
function dueAndUntold(db: Executor, key: SQL, tomorrow: string, time: string) {
  return and(
    ofOpenEpisode(),
    eq(actions.dueDate, tomorrow),
    sql`${digestTime} <= ${time}`,
    notExists(
      db
        .select({ one: sql`1` })
        .from(notices)
        .where(eq(notices.idempotencyKey, sql`${key} || ':in_app'`)),
    ),
  );
}

const dueColumns = {
  actionId: actions.id,
  familyId: actions.familyId,
  dueDate: actions.dueDate,
  authorityId: families.authorityId,
  familyName: families.displayName,
  namesAllowed: localAuthorities.noticeFamilyNames,
};

/** Staff owners still in the team, with active accounts. */
async function dueToStaff(db: Executor, time: string, tomorrow: string, limit: number) {
  const key = dueKey(sql`${actionOwners.userId}`);
  const rows = await db
    .select({ ...dueColumns, userId: sql<string>`${actionOwners.userId}`, key })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .innerJoin(
      actionOwners,
      and(eq(actionOwners.actionId, actions.id), eq(actionOwners.familyId, actions.familyId)),
    )
    .innerJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, actions.familyId),
        eq(teamMemberships.userId, actionOwners.userId),
        isNull(teamMemberships.removedAt),
      ),
    )
    .innerJoin(users, and(eq(users.id, actionOwners.userId), eq(users.status, "active")))
    .innerJoin(families, eq(families.id, actions.familyId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, families.authorityId))
    .leftJoin(noticePreferences, eq(noticePreferences.userId, actionOwners.userId))
    .where(dueAndUntold(db, key, tomorrow, time))
    .limit(limit);
  return rows.map((r) => ({ ...r, audience: "staff" as const }));
}

/** Family members who own it, at their active portal account. */
async function dueToFamily(db: Executor, time: string, tomorrow: string, limit: number) {
  const key = dueKey(sql`${users.id}`);
  const rows = await db
    .select({ ...dueColumns, userId: users.id, key })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .innerJoin(
      actionOwners,
      and(eq(actionOwners.actionId, actions.id), eq(actionOwners.familyId, actions.familyId)),
    )
    .innerJoin(
      familyMembers,
      and(
        eq(familyMembers.id, actionOwners.memberId),
        eq(familyMembers.familyId, actions.familyId),
      ),
    )
    .innerJoin(users, and(eq(users.id, familyMembers.userId), eq(users.status, "active")))
    .innerJoin(families, eq(families.id, actions.familyId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, families.authorityId))
    .leftJoin(noticePreferences, eq(noticePreferences.userId, users.id))
    .where(dueAndUntold(db, key, tomorrow, time))
    .limit(limit);
  return rows.map((r) => ({ ...r, audience: "family" as const }));
}

/**
 * Daily digests (`daily_digest`): for each active lead professional of an
 * open episode whose digest time has come today (UK) and whose digest has
 * not been considered today, counts the open actions past their due date and
 * the TAC meetings due with none booked across the families they lead, and
 * writes the digest only when there is something in it. Each person's day is
 * recorded in `daily_digest_runs` in the same transaction as their digest,
 * so it is worked out once per person per day (the notice's key is
 * `daily_digest:<user>:<day>`). Answers the people sent a digest.
 */
export async function enqueueDailyDigests(
  db: Executor,
  now: Date,
  limit = 200,
): Promise<{ considered: number; sentTo: string[] }> {
  const clock = ukClock(now);
  const leads = await db
    .selectDistinct({ userId: users.id, authorityId: users.authorityId })
    .from(teamMemberships)
    .innerJoin(users, and(eq(users.id, teamMemberships.userId), eq(users.status, "active")))
    .innerJoin(
      episodes,
      and(eq(episodes.familyId, teamMemberships.familyId), isNull(episodes.closedAt)),
    )
    .leftJoin(noticePreferences, eq(noticePreferences.userId, users.id))
    .where(
      and(
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
        sql`${digestTime} <= ${clock.time}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(dailyDigestRuns)
            .where(and(eq(dailyDigestRuns.userId, users.id), eq(dailyDigestRuns.day, clock.day))),
        ),
      ),
    )
    .limit(limit);
  if (leads.length === 0) return { considered: 0, sentTo: [] };
  const digests = await countDigests(
    db,
    leads.map((l) => l.userId),
    clock.day,
    now,
  );
  const sentTo: string[] = [];
  for (const lead of leads) {
    const digest = digests.get(lead.userId) ?? { overdueActions: 0, reviewsDue: 0 };
    const sent = await db.transaction(async (tx) => {
      const [run] = await tx
        .insert(dailyDigestRuns)
        .values({ userId: lead.userId, day: clock.day, at: now })
        .onConflictDoNothing()
        .returning({ userId: dailyDigestRuns.userId });
      // Another node considered this person today already.
      if (!run || !digestHasSomething(digest)) return false;
      const content: NoticeContent = {
        kind: "daily_digest",
        variables: { day: clock.day, ...digest },
      };
      const noticeId = await enqueuePersonNotice(tx, {
        authorityId: lead.authorityId,
        userId: lead.userId,
        content,
        idempotencyKey: `daily_digest:${lead.userId}:${clock.day}`,
        dueAt: now,
      });
      await tx
        .update(dailyDigestRuns)
        .set({ noticeId })
        .where(and(eq(dailyDigestRuns.userId, lead.userId), eq(dailyDigestRuns.day, clock.day)));
      return noticeId !== null;
    });
    if (sent) sentTo.push(lead.userId);
  }
  return { considered: leads.length, sentTo };
}

/** Overdue actions and meetings due, per lead, across the open episodes they lead. */
async function countDigests(db: Executor, leadIds: string[], today: string, now: Date) {
  const led = await db
    .select({
      userId: teamMemberships.userId,
      id: families.id,
      authorityId: families.authorityId,
      status: families.status,
    })
    .from(teamMemberships)
    .innerJoin(families, eq(families.id, teamMemberships.familyId))
    .innerJoin(episodes, and(eq(episodes.familyId, families.id), isNull(episodes.closedAt)))
    .where(
      and(
        inArray(teamMemberships.userId, leadIds),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  const familyIds = [...new Set(led.map((f) => f.id))];
  const overdue = await db
    .select({ familyId: actions.familyId, n: count() })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .where(and(inArray(actions.familyId, familyIds), ofOpenEpisode(), lt(actions.dueDate, today)))
    .groupBy(actions.familyId);
  const booked = await db
    .selectDistinct({ familyId: meetings.familyId })
    .from(meetings)
    .where(
      and(inArray(meetings.familyId, familyIds), inArray(meetings.state, ["scheduled", "live"])),
    );
  const dues = await loadNextMeetingDues(db, led);
  const bookedIds = new Set(booked.map((b) => b.familyId));
  const overdueBy = new Map(overdue.map((o) => [o.familyId, o.n]));
  const digests = new Map<string, { overdueActions: number; reviewsDue: number }>();
  for (const family of led) {
    const digest = digests.get(family.userId) ?? { overdueActions: 0, reviewsDue: 0 };
    digest.overdueActions += overdueBy.get(family.id) ?? 0;
    if (meetingIsDue(dues.get(family.id) ?? null, bookedIds.has(family.id), now)) {
      digest.reviewsDue += 1;
    }
    digests.set(family.userId, digest);
  }
  return digests;
}
