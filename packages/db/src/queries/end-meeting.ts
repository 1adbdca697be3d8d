import { type Actor, AppError, notFound } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { auditEvents, meetingAttendance, meetings, planVersions } from "../schema";
import { enqueueRecordReviewNotices } from "./meeting-record";
import { getMeeting } from "./meetings";
import { buildPlanVersionContent } from "./plan-version-content";
import { planVersionHash } from "./plan-version-hash";
import { inRepeatableRead } from "./repeatable-read";

export interface EndMeetingInput {
  familyId: string;
  meetingId: string;
  /** Already authorized by the caller (`meeting.end`). */
  actor: Actor;
  now: Date;
  request?: { ipAddress: string | null; userAgent: string | null };
}

export interface EndedMeeting {
  meetingId: string;
  versionId: string;
  number: number;
  hash: string;
  endedAt: Date;
}

/**
 * Ends a live meeting and stores its plan version, in one transaction that
 * reads one consistent moment: the meeting is marked ended, open attendance
 * closes, the documents (snapshot + logged updates: the database holds every
 * update anyone has seen), outcomes, actions, attendance, chat and decisions
 * are recorded with their hash, and both changes are audited.
 */
export async function endMeeting(db: Database, input: EndMeetingInput): Promise<EndedMeeting> {
  const { familyId, meetingId, now } = input;
  return inRepeatableRead(db, async (tx) => {
    const meeting = await getMeeting(tx, familyId, meetingId, { forUpdate: true });
    if (!meeting) throw notFound("That meeting");
    if (meeting.state !== "live") {
      throw new AppError(
        "conflict",
        `Only a live meeting can be ended; this one is ${meeting.state}.`,
      );
    }
    const [ended] = await tx
      .update(meetings)
      .set({ state: "ended", endedAt: now, updatedAt: now, version: sql`${meetings.version} + 1` })
      .where(and(eq(meetings.id, meetingId), eq(meetings.familyId, familyId)))
      .returning();
    if (!ended) throw new AppError("internal", "The meeting could not be ended.");
    await tx
      .update(meetingAttendance)
      .set({ leftAt: now })
      .where(
        and(
          eq(meetingAttendance.meetingId, meetingId),
          eq(meetingAttendance.familyId, familyId),
          isNull(meetingAttendance.leftAt),
        ),
      );
    const { content, snapshots } = await buildPlanVersionContent(tx, { ...ended, endedAt: now });
    const hash = planVersionHash(content, snapshots);
    const number = await nextVersionNumber(tx, familyId);
    const [version] = await tx
      .insert(planVersions)
      .values({
        familyId,
        meetingId,
        number,
        content,
        snapshots,
        contentHash: hash,
        createdAt: now,
      })
      .returning({ id: planVersions.id });
    if (!version) throw new AppError("internal", "The plan version was not saved.");
    await auditEnd(tx, input, version.id, { number, hash });
    // Everyone who came is asked to confirm the record or comment, within the week.
    await enqueueRecordReviewNotices(tx, {
      familyId,
      meetingId,
      endedAt: now,
      createdBy: input.actor.userId,
    });
    return { meetingId, versionId: version.id, number, hash, endedAt: now };
  });
}

async function nextVersionNumber(tx: Executor, familyId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${planVersions.number}), 0)::int` })
    .from(planVersions)
    .where(eq(planVersions.familyId, familyId));
  return Number(row?.last ?? 0) + 1;
}

async function auditEnd(
  tx: Executor,
  input: EndMeetingInput,
  versionId: string,
  details: { number: number; hash: string },
) {
  const common = {
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    familyId: input.familyId,
    ipAddress: input.request?.ipAddress ?? null,
    userAgent: input.request?.userAgent ?? null,
  };
  await tx.insert(auditEvents).values([
    { ...common, event: "meeting.end", resourceType: "meeting", resourceId: input.meetingId },
    {
      ...common,
      event: "plan_version.create",
      resourceType: "plan_version",
      resourceId: versionId,
      details: { meetingId: input.meetingId, ...details },
    },
  ]);
}
