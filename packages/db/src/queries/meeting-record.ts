import { type RecordResponseKind, recordResponseDeadline } from "@teamaround/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  actions,
  agencies,
  families,
  familyMembers,
  meetingApologies,
  meetingAttendance,
  meetingGuests,
  meetingRecordResponses,
  meetings,
  users,
} from "../schema";
import { enqueuePersonNotice } from "./person-notices";

/**
 * Every join of the meeting with the person's name, role and agency (a
 * guest's organisation, which is not one of our agencies), oldest first.
 */
export async function listAttendanceRows(db: Executor, familyId: string, meetingId: string) {
  return db
    .select({
      userId: meetingAttendance.userId,
      name: users.displayName,
      role: users.role,
      agencyName: sql<string | null>`coalesce(${agencies.name}, ${meetingGuests.organisation})`,
      joinedAt: meetingAttendance.joinedAt,
      leftAt: meetingAttendance.leftAt,
    })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(meetingGuests, eq(meetingGuests.userId, users.id))
    .where(
      and(eq(meetingAttendance.familyId, familyId), eq(meetingAttendance.meetingId, meetingId)),
    )
    .orderBy(asc(meetingAttendance.joinedAt), asc(meetingAttendance.id));
}

export async function hasAttended(
  db: Executor,
  familyId: string,
  meetingId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: meetingAttendance.id })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.familyId, familyId),
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.userId, userId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const recorder = alias(users, "recorder");

/** Who sent apologies, with the reason and who recorded it, in the order recorded. */
export async function listApologies(db: Executor, familyId: string, meetingId: string) {
  return db
    .select({
      id: meetingApologies.id,
      userId: meetingApologies.userId,
      memberId: meetingApologies.memberId,
      name: sql<string>`coalesce(${users.displayName}, ${familyMembers.givenName} || ' ' || ${familyMembers.familyName})`,
      agencyName: agencies.name,
      reason: meetingApologies.reason,
      recordedByName: recorder.displayName,
      recordedAt: meetingApologies.recordedAt,
    })
    .from(meetingApologies)
    .leftJoin(users, eq(users.id, meetingApologies.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(familyMembers, eq(familyMembers.id, meetingApologies.memberId))
    .innerJoin(recorder, eq(recorder.id, meetingApologies.recordedBy))
    .where(and(eq(meetingApologies.familyId, familyId), eq(meetingApologies.meetingId, meetingId)))
    .orderBy(asc(meetingApologies.recordedAt), asc(meetingApologies.id));
}

export interface ApologyInput {
  familyId: string;
  meetingId: string;
  person: { userId: string } | { memberId: string };
  reason: string;
  recordedBy: string;
  at: Date;
}

/** Null when that person's apologies are already recorded for the meeting. */
export async function insertApology(tx: Executor, input: ApologyInput) {
  const [row] = await tx
    .insert(meetingApologies)
    .values({
      familyId: input.familyId,
      meetingId: input.meetingId,
      ...input.person,
      reason: input.reason,
      recordedBy: input.recordedBy,
      recordedAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ id: meetingApologies.id });
  return row ?? null;
}

/** Confirmations and comments, oldest first, with who wrote them. */
export async function listRecordResponses(db: Executor, familyId: string, meetingId: string) {
  return db
    .select({
      id: meetingRecordResponses.id,
      userId: meetingRecordResponses.userId,
      name: users.displayName,
      role: users.role,
      kind: meetingRecordResponses.kind,
      comment: meetingRecordResponses.comment,
      respondedAt: meetingRecordResponses.respondedAt,
    })
    .from(meetingRecordResponses)
    .innerJoin(users, eq(users.id, meetingRecordResponses.userId))
    .where(
      and(
        eq(meetingRecordResponses.familyId, familyId),
        eq(meetingRecordResponses.meetingId, meetingId),
      ),
    )
    .orderBy(asc(meetingRecordResponses.respondedAt), asc(meetingRecordResponses.id));
}

/** Null when this person has confirmed already (the unique index decides, under races too). */
export async function insertRecordResponse(
  tx: Executor,
  input: {
    familyId: string;
    meetingId: string;
    userId: string;
    kind: RecordResponseKind;
    comment: string | null;
    at: Date;
  },
) {
  const [row] = await tx
    .insert(meetingRecordResponses)
    .values({
      familyId: input.familyId,
      meetingId: input.meetingId,
      userId: input.userId,
      kind: input.kind,
      comment: input.comment,
      respondedAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ id: meetingRecordResponses.id });
  return row ?? null;
}

/** The actions created while the meeting was live (agreed in it). */
export async function listMeetingActionIds(db: Executor, familyId: string, meetingId: string) {
  const rows = await db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.familyId, familyId), eq(actions.meetingId, meetingId)))
    .orderBy(asc(actions.createdAt), asc(actions.id));
  return rows.map((r) => r.id);
}

/** The family's meeting that is live now, if any: an action created now is agreed in it. */
export async function getLiveMeetingId(db: Executor, familyId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.familyId, familyId), eq(meetings.state, "live")))
    .orderBy(asc(meetings.startedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Asks each person who attended an ended meeting (staff and family members
 * with an active account; not guests, whose access ends with the meeting) to
 * confirm its record or comment within the week. In the caller's transaction.
 */
export async function enqueueRecordReviewNotices(
  tx: Executor,
  input: { familyId: string; meetingId: string; endedAt: Date; createdBy: string },
): Promise<number> {
  const [family] = await tx
    .select({ authorityId: families.authorityId })
    .from(families)
    .where(eq(families.id, input.familyId));
  if (!family) return 0;
  const attended = tx
    .selectDistinct({ userId: meetingAttendance.userId })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.familyId, input.familyId),
        eq(meetingAttendance.meetingId, input.meetingId),
      ),
    );
  const people = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(inArray(users.id, attended), eq(users.status, "active")));
  const respondBy = recordResponseDeadline(input.endedAt).toISOString();
  let told = 0;
  for (const person of people) {
    if (person.role === "guest") continue;
    await enqueuePersonNotice(tx, {
      authorityId: family.authorityId,
      userId: person.id,
      familyId: input.familyId,
      createdBy: input.createdBy,
      idempotencyKey: `meeting_record_review:${input.meetingId}:${person.id}`,
      content: {
        kind: "meeting_record_review",
        variables: {
          audience: person.role === "family_member" ? "family" : "staff",
          familyId: input.familyId,
          meetingId: input.meetingId,
          respondBy,
        },
      },
    });
    told += 1;
  }
  return told;
}
