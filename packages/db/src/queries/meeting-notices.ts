import type { MeetingChange, NoticeContent } from "@teamaround/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  families,
  familyMembers,
  localAuthorities,
  meetingInvitees,
  meetings,
  users,
} from "../schema";
import { enqueueNotice, recordUnsentNotice, type UnsentReason, unsentReasons } from "./notices";
import { enqueuePersonNotice } from "./person-notices";

/** Someone invited to a meeting: a practitioner's account or a family member's record. */
export type MeetingInviteeRef = { userId: string } | { memberId: string };

/**
 * What happened to the meeting: booked; moved (another time or length); its invitees
 * changed (`before` names who was invited until now); cancelled.
 */
export type MeetingNoticeEvent =
  | { change: "booked" }
  | { change: "moved"; before?: readonly MeetingInviteeRef[] }
  | { change: "invitees"; before: readonly MeetingInviteeRef[] }
  | { change: "cancelled" };

export interface MeetingNoticesInput {
  familyId: string;
  meetingId: string;
  event: MeetingNoticeEvent;
  createdBy: string | null;
  now: Date;
}

const key = (ref: MeetingInviteeRef) =>
  "userId" in ref ? `user:${ref.userId}` : `member:${ref.memberId}`;

/** Who hears what: everyone invited, or only those added and taken off. */
function plan(event: MeetingNoticeEvent, current: MeetingInviteeRef[]) {
  const told = new Map<string, { ref: MeetingInviteeRef; change: MeetingChange }>();
  const all: MeetingChange | null =
    event.change === "booked"
      ? "booked"
      : event.change === "moved"
        ? "moved"
        : event.change === "cancelled"
          ? "cancelled"
          : null;
  const before = "before" in event && event.before ? new Set(event.before.map(key)) : null;
  for (const ref of current) {
    const added = before !== null && !before.has(key(ref));
    if (added && event.change !== "cancelled") told.set(key(ref), { ref, change: "invited" });
    else if (all) told.set(key(ref), { ref, change: all });
  }
  const now = new Set(current.map(key));
  for (const ref of ("before" in event && event.before) || []) {
    if (!now.has(key(ref))) told.set(key(ref), { ref, change: "uninvited" });
  }
  return [...told.values()];
}

async function currentInvitees(tx: Executor, familyId: string, meetingId: string) {
  const rows = await tx
    .select({ userId: meetingInvitees.userId, memberId: meetingInvitees.memberId })
    .from(meetingInvitees)
    .where(and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.familyId, familyId)));
  return rows.map(
    (r): MeetingInviteeRef => (r.userId ? { userId: r.userId } : { memberId: r.memberId ?? "" }),
  );
}

/**
 * How each person invited is reached: staff at their account (in the app and
 * by email); a family member at their portal account if they have one, else
 * at the email on their record. Someone with neither, or a closed account
 * (staff or portal), cannot be told: they are marked `unsent` with the reason, so the
 * meeting records that they were not told.
 */
async function addresses(tx: Executor, familyId: string, refs: MeetingInviteeRef[]) {
  const userIds = refs.flatMap((r) => ("userId" in r ? [r.userId] : []));
  const memberIds = refs.flatMap((r) => ("memberId" in r ? [r.memberId] : []));
  const staff = userIds.length
    ? await tx
        .select({ id: users.id, status: users.status, role: users.role })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const members = memberIds.length
    ? await tx
        .select({
          id: familyMembers.id,
          userId: familyMembers.userId,
          accountStatus: users.status,
          email: familyMembers.email,
        })
        .from(familyMembers)
        .leftJoin(users, eq(users.id, familyMembers.userId))
        .where(and(eq(familyMembers.familyId, familyId), inArray(familyMembers.id, memberIds)))
    : [];
  const reach = new Map<
    string,
    { userId: string } | { memberId: string } | { unsent: UnsentReason; ref: MeetingInviteeRef }
  >();
  for (const user of staff) {
    const ref = { userId: user.id };
    if (user.status === "active") reach.set(`user:${user.id}`, ref);
    else reach.set(`user:${user.id}`, { unsent: unsentReasons.accountNotActive, ref });
  }
  for (const member of members) {
    const ref = { memberId: member.id };
    if (member.userId && member.accountStatus === "active") {
      reach.set(`member:${member.id}`, { userId: member.userId });
    } else if (member.userId) {
      // A closed portal account is not told at the record's email either: the
      // lead decides how (and whether) to tell them.
      reach.set(`member:${member.id}`, { unsent: unsentReasons.accountNotActive, ref });
    } else if (member.email) reach.set(`member:${member.id}`, { memberId: member.id });
    else reach.set(`member:${member.id}`, { unsent: unsentReasons.noEmailAddress, ref });
  }
  return reach;
}

/** Raises the meeting's calendar SEQUENCE (for any change after booking) and reads its time and length. */
async function sequenceAndTime(tx: Executor, input: MeetingNoticesInput) {
  const scope = and(eq(meetings.id, input.meetingId), eq(meetings.familyId, input.familyId));
  const [row] =
    input.event.change === "booked"
      ? await tx
          .select({
            sequence: meetings.calendarSequence,
            at: meetings.scheduledFor,
            minutes: meetings.durationMinutes,
          })
          .from(meetings)
          .where(scope)
      : await tx
          .update(meetings)
          .set({ calendarSequence: sql`${meetings.calendarSequence} + 1` })
          .where(scope)
          .returning({
            sequence: meetings.calendarSequence,
            at: meetings.scheduledFor,
            minutes: meetings.durationMinutes,
          });
  return row ?? null;
}

/**
 * Writes the calendar invitations a meeting's booking, move, change of
 * invitees or cancellation causes, in the caller's transaction: one notice
 * per person told, each carrying the meeting's UID (its id) and the SEQUENCE
 * after this change, which is stored on the meeting. Someone who cannot be
 * told (no email address and no account, a closed account) gets a `failed`
 * notice saying why instead (`recordUnsentNotice`), which the meeting's page
 * shows the lead. Answers how many people were told. A change that tells
 * nobody leaves the SEQUENCE as it was.
 */
export async function enqueueMeetingNotices(
  tx: Executor,
  input: MeetingNoticesInput,
): Promise<number> {
  const { familyId, meetingId } = input;
  const told = plan(input.event, await currentInvitees(tx, familyId, meetingId));
  if (told.length === 0) return 0;
  const [family] = await tx
    .select({
      authorityId: families.authorityId,
      displayName: families.displayName,
      namesAllowed: localAuthorities.noticeFamilyNames,
    })
    .from(families)
    .innerJoin(localAuthorities, eq(localAuthorities.id, families.authorityId))
    .where(eq(families.id, familyId));
  const meeting = await sequenceAndTime(tx, input);
  if (!family || !meeting) return 0;
  const reach = await addresses(
    tx,
    familyId,
    told.map((t) => t.ref),
  );
  const endsAt = new Date(meeting.at.getTime() + meeting.minutes * 60_000);
  let count = 0;
  for (const { ref, change } of told) {
    const recipient = reach.get(key(ref));
    if (!recipient) continue;
    const audience = "userId" in ref ? ("staff" as const) : ("family" as const);
    const variables = {
      audience,
      change,
      familyId,
      meetingId,
      sequence: meeting.sequence,
      startsAt: meeting.at.toISOString(),
      endsAt: endsAt.toISOString(),
    };
    const content: NoticeContent = { kind: "meeting_invitation", variables };
    const named = audience === "staff" && family.namesAllowed;
    const emailContent: NoticeContent = named
      ? { kind: "meeting_invitation", variables: { ...variables, familyName: family.displayName } }
      : content;
    const common = {
      authorityId: family.authorityId,
      familyId,
      createdBy: input.createdBy,
      idempotencyKey: `meeting:${meetingId}:${meeting.sequence}:${key(ref)}`,
      dueAt: input.now,
    };
    if ("unsent" in recipient) {
      // Nowhere to send it: recorded as failed, so the lead can tell them another way.
      const unsent = { ...common, idempotencyKey: `${common.idempotencyKey}:unsent` };
      await recordUnsentNotice(tx, {
        ...unsent,
        recipient: recipient.ref,
        content: emailContent,
        reason: recipient.unsent,
        now: input.now,
      });
      continue;
    }
    if ("userId" in recipient) {
      await enqueuePersonNotice(tx, { ...common, userId: recipient.userId, content, emailContent });
    } else {
      await enqueueNotice(tx, { ...common, recipient, content });
    }
    count++;
  }
  return count;
}
