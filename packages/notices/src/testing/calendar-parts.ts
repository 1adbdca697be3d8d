import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";

/** A received meeting invitation's calendar part, as an iCalendar parser reads it. */
export interface ParsedInvitation {
  /** The part's own Content-Type (e.g. `text/calendar; method=REQUEST; charset=utf-8`). */
  contentType: string;
  /** The iCalendar text as received. */
  text: string;
  method: string | null;
  uid: string | null;
  sequence: number | null;
  status: string | null;
  start: Date | null;
  end: Date | null;
  /** Whether DTSTART and DTEND are written in UTC (a trailing Z). */
  utc: boolean;
  summary: string | null;
  description: string | null;
  url: string | null;
  location: string | null;
  organizer: string | null;
  attendees: string[];
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

/** A CAL-ADDRESS with its scheme in lower case (`MAILTO:` and `mailto:` are the same). */
function mailto(address: string): string;
function mailto(address: string | null): string | null;
function mailto(address: string | null): string | null {
  return address?.replace(/^mailto:/i, "mailto:") ?? null;
}

function time(component: ICAL.Component, name: string): Date | null {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value.toJSDate() : null;
}

/**
 * The text/calendar parts of a parsed mail (nodemailer's `icalEvent`, which
 * mailparser lists among the attachments), each read with ical.js — a real
 * iCalendar parser, so a malformed part fails the test.
 */
export function calendarInvitations(mail: ParsedMail): ParsedInvitation[] {
  return mail.attachments
    .filter((part) => part.contentType.startsWith("text/calendar"))
    .map((part) => {
      const raw = part.content.toString("utf8");
      const calendar = new ICAL.Component(ICAL.parse(raw) as unknown[]);
      const event = calendar.getFirstSubcomponent("vevent");
      if (!event) throw new Error("the calendar part has no VEVENT");
      const sequence = event.getFirstPropertyValue("sequence");
      const header = part.headers.get("content-type") as
        | { value?: string; params?: Record<string, string> }
        | undefined;
      return {
        contentType: [
          header?.value ?? part.contentType,
          ...Object.entries(header?.params ?? {}).map(([key, value]) => `${key}=${value}`),
        ].join("; "),
        text: raw,
        method: text(calendar, "method"),
        uid: text(event, "uid"),
        sequence: typeof sequence === "number" ? sequence : null,
        status: text(event, "status"),
        start: time(event, "dtstart"),
        end: time(event, "dtend"),
        utc: /^DTSTART:\d{8}T\d{6}Z\r?$/m.test(raw) && /^DTEND:\d{8}T\d{6}Z\r?$/m.test(raw),
        summary: text(event, "summary"),
        description: text(event, "description"),
        url: text(event, "url"),
        location: text(event, "location"),
        organizer: mailto(text(event, "organizer")),
        attendees: event.getAllProperties("attendee").map((p) => mailto(String(p.getFirstValue()))),
      };
    });
}
