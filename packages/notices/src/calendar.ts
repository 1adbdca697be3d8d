import type { CalendarInvitation } from "@teamaround/domain";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
} from "ical-generator";

/** "Teamaround <notices@council.gov.uk>" or a bare address, as MAIL_FROM allows. */
export function parseMailbox(mailbox: string): { name: string; email: string } {
  const match = /^(?:(.+?)\s*<)?([^\s<>]+@[^\s<>]+?)>?$/.exec(mailbox.trim());
  const email = match?.[2] ?? mailbox.trim();
  const name = match?.[1]?.replace(/^"|"$/g, "").trim() || "Teamaround";
  return { name, email };
}

export interface CalendarPart {
  method: "REQUEST" | "CANCEL";
  /** The iCalendar text (RFC 5545), CRLF line ends, folded. */
  content: string;
}

/**
 * A meeting's calendar entry as an iCalendar object, for one recipient:
 * ORGANIZER is the service's sending address (replies are not read, so no
 * RSVP is asked), the recipient is the one ATTENDEE (no one else's address
 * is disclosed), times are in UTC, and the join link is the URL, the
 * LOCATION and the description.
 */
export function renderCalendar(
  invitation: CalendarInvitation,
  options: { organizer: string; attendee: string; stamp: Date },
): CalendarPart {
  const method =
    invitation.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({
    prodId: { company: "Teamaround", product: "Notices", language: "EN" },
    method,
  });
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp: options.stamp,
    start: invitation.start,
    end: invitation.end,
    summary: invitation.summary,
    description: invitation.description,
    location: invitation.url,
    url: invitation.url,
    status:
      invitation.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    class: ICalEventClass.PRIVATE,
    organizer: parseMailbox(options.organizer),
    attendees: [
      {
        email: options.attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return { method: invitation.method, content: calendar.toString() };
}
