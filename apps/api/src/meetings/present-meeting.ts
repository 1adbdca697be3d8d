import { isMeetingOverdue, type MeetingDue, meetingTimeliness } from "@teamaround/domain";
import type { LoadedMeeting } from "./commands/load-meetings";

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** A meeting as the API shows it; a scheduled one says whether it keeps to the timescales. */
export function presentMeeting(loaded: LoadedMeeting, due: MeetingDue | null) {
  const { row } = loaded;
  const timeliness =
    row.state === "scheduled" ? meetingTimeliness(row.kind, row.scheduledFor, due) : null;
  return {
    id: row.id,
    kind: row.kind,
    scheduledFor: row.scheduledFor.toISOString(),
    durationMinutes: row.durationMinutes,
    location: row.location,
    notes: row.notes,
    chair: { userId: row.chairUserId, name: loaded.chairName },
    state: row.state,
    agenda: row.agenda,
    currentAgendaItemId: row.currentAgendaItemId,
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    version: row.version,
    invitees: loaded.invitees,
    planVersionId: loaded.planVersionId,
    timeliness: timeliness && {
      ...timeliness,
      dueFrom: timeliness.dueFrom.toISOString(),
      dueBy: timeliness.dueBy.toISOString(),
    },
  };
}

export function presentNextMeetingDue(due: MeetingDue | null, now: Date, scheduled: boolean) {
  if (!due) return null;
  return {
    kind: due.kind,
    from: due.from.toISOString(),
    by: due.by.toISOString(),
    overdue: isMeetingOverdue(due, now),
    scheduled,
  };
}
