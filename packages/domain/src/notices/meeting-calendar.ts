import type { NoticeContent } from "./notice-kinds";
import { meetingCalendarSummary, meetingNoticeLink } from "./render-case-notices";
import type { RenderContext } from "./render-notice";

/**
 * A meeting's calendar entry as plain data (RFC 5545 terms): the transports
 * write it as an iCalendar part (`packages/notices`, with the service's
 * sending address as ORGANIZER and the recipient as the one ATTENDEE). The
 * UID is the meeting's, so every message about one meeting updates the same
 * entry; SEQUENCE rises with each change; a cancellation is METHOD:CANCEL.
 * Nothing about the case: the summary is the same for every meeting (with
 * the family's name only where the authority allows it, and never to the
 * family), and the only place given is the link to the meeting room — or,
 * once the meeting will not happen for them, to where its meetings are listed.
 * DTEND is the start plus the meeting's length.
 */
export interface CalendarInvitation {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  status: "CONFIRMED" | "CANCELLED";
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** The join link (a cancellation's: the meetings page): URL, LOCATION and in the description. */
  url: string;
}

/** The calendar entry a notice carries, or null for kinds that have none. */
export function noticeCalendar(
  content: NoticeContent,
  context: RenderContext,
): CalendarInvitation | null {
  if (content.kind !== "meeting_invitation") return null;
  const v = content.variables;
  const url = meetingNoticeLink(context, v);
  const cancel = v.change === "cancelled" || v.change === "uninvited";
  return {
    method: cancel ? "CANCEL" : "REQUEST",
    uid: `${v.meetingId}@${new URL(context.publicOrigin).hostname}`,
    sequence: v.sequence,
    status: cancel ? "CANCELLED" : "CONFIRMED",
    start: new Date(v.startsAt),
    end: new Date(v.endsAt),
    summary: v.familyName ? `${meetingCalendarSummary}: ${v.familyName}` : meetingCalendarSummary,
    description: cancel
      ? `This meeting is cancelled. See the meetings here: ${url}`
      : `Join the meeting room in Teamaround: ${url}`,
    url,
  };
}
