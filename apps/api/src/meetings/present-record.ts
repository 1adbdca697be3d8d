import {
  attendanceByPerson,
  can,
  type FamilyAccess,
  nextMeetingAfter,
  type PlanItemSight,
  recordResponseDeadline,
  recordResponseRefusal,
  recordResponseRefusalMessages,
  versionForAudience,
} from "@teamaround/domain";
import type { LoadedMeetingRecord } from "./commands/load-record";

type ApologyRow = LoadedMeetingRecord["apologies"][number];

/** Apologies as the reader may see them: the reasons are the team's, not the family's. */
export function presentApologies(rows: readonly ApologyRow[], access: FamilyAccess) {
  const staff = can(access, "meeting", "read_record_staff_parts");
  return rows.map((a) => ({
    id: a.id,
    kind: a.userId ? ("practitioner" as const) : ("family_member" as const),
    name: a.name,
    agencyName: a.agencyName,
    reason: staff ? a.reason : null,
    recordedByName: a.recordedByName,
    recordedAt: a.recordedAt.toISOString(),
  }));
}

/**
 * A held meeting's record as the reader may see it: the one presentation the
 * page, the PDF and anything else that shows a record use. Family members get
 * no apology reasons and no staff comments; everything else is what they
 * already see in the plan version, less the outcomes and actions their
 * audience within the family leaves them out of (`sight`).
 */
export function presentMeetingRecord(
  loaded: LoadedMeetingRecord,
  access: FamilyAccess,
  now: Date,
  sight: PlanItemSight,
) {
  const { meeting, version } = loaded;
  const content = versionForAudience(access, version.content, version.snapshots, sight).content;
  const staff = can(access, "meeting", "read_record_staff_parts");
  const agreed = new Set(loaded.agreedActionIds);
  const next = nextMeetingAfter(loaded.familyMeetings, meeting);
  return {
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      scheduledFor: meeting.scheduledFor.toISOString(),
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      startedAt: meeting.startedAt ? meeting.startedAt.toISOString() : null,
      endedAt: meeting.endedAt.toISOString(),
      chair: { userId: meeting.chairUserId, name: loaded.chairName },
    },
    version: {
      id: version.id,
      number: version.number,
      hash: version.contentHash,
      unchanged: loaded.unchanged,
    },
    attendance: attendanceByPerson(loaded.attendance).map((p) => ({
      userId: p.userId,
      name: p.name,
      role: p.role as LoadedMeetingRecord["attendance"][number]["role"],
      chair: p.userId === meeting.chairUserId,
      agencyName: p.agencyName,
      spans: p.spans.map((s) => ({
        joinedAt: s.joinedAt.toISOString(),
        leftAt: s.leftAt ? s.leftAt.toISOString() : null,
      })),
    })),
    apologies: presentApologies(loaded.apologies, access),
    decisions: content.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      recordedByName: d.recordedByName,
      recordedAt: d.recordedAt,
    })),
    actionsAgreed: content.actions
      .filter((a) => agreed.has(a.id))
      .map((a) => ({
        id: a.id,
        text: a.text,
        dueDate: a.dueDate,
        status: a.status,
        owners: a.owners.map((o) => ({
          name: o.name,
          agencyName: o.kind === "practitioner" ? o.agencyName : null,
        })),
      })),
    nextMeeting: next && {
      id: next.id,
      scheduledFor: next.scheduledFor.toISOString(),
      state: next.state,
    },
    nextReviewBy: loaded.nextReviewOn,
    responses: presentResponses(loaded, access, staff, now),
  };
}

function presentResponses(
  loaded: LoadedMeetingRecord,
  access: FamilyAccess,
  staff: boolean,
  now: Date,
) {
  const me = access.actor.userId;
  const confirmed = loaded.responses.some((r) => r.userId === me && r.kind === "confirmed");
  const refusal =
    recordResponseRefusal({
      endedAt: loaded.meeting.endedAt,
      attended: loaded.attendedByMe,
      alreadyConfirmed: confirmed,
      kind: "commented",
      now,
    }) ?? (can(access, "meeting", "respond_record") ? null : "not_attended");
  const respondBy = recordResponseDeadline(loaded.meeting.endedAt);
  return {
    respondBy: respondBy.toISOString(),
    open: now.getTime() <= respondBy.getTime(),
    entries: loaded.responses
      // A practitioner's comment is for the team; confirmations and the family's own words are for all.
      .filter((r) => staff || r.kind === "confirmed" || r.role === "family_member")
      .map((r) => ({
        id: r.id,
        name: r.name,
        fromFamily: r.role === "family_member",
        kind: r.kind,
        comment: r.comment,
        respondedAt: r.respondedAt.toISOString(),
      })),
    mine: {
      mayRespond: refusal === null,
      confirmed,
      refusal: refusal && recordResponseRefusalMessages[refusal],
    },
  };
}
