import { noticeDay, noticeMoment } from "@teamaround/domain";
import type { presentMeetingRecord } from "../meetings/present-record";
import { drawCorrections, type PrintedCorrection } from "./corrections-section";
import { makePrintout, type PrintoutHeader, type PrintoutWriter } from "./pdf-layout";
import { namesInWords, roleWords } from "./printout-words";

/** The held meeting's record as the family may see it (the page's presentation). */
export type FamilyMeetingRecord = ReturnType<typeof presentMeetingRecord>;

const ukTime = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});
const time = (iso: string) => ukTime.format(new Date(iso)).replace(" ", "");
const named = (p: { name: string; agencyName: string | null }) =>
  p.agencyName ? `${p.name} (${p.agencyName})` : p.name;

export const recordTitles: Record<FamilyMeetingRecord["meeting"]["kind"], string> = {
  initial: "Notes of the first Team Around the Family meeting",
  review: "Notes of the review meeting",
  closing: "Notes of the closing meeting",
};

function drawWhen(w: PrintoutWriter, r: FamilyMeetingRecord) {
  const { startedAt, endedAt, scheduledFor, location, chair } = r.meeting;
  w.field(
    "When it ran",
    startedAt ? `${noticeMoment(startedAt)} to ${time(endedAt)}` : `ended ${noticeMoment(endedAt)}`,
  );
  w.field("Booked for", noticeMoment(scheduledFor));
  if (location) w.field("Where", location);
  w.field("Chaired by", chair.name);
  w.field(
    "Next meeting",
    r.nextMeeting
      ? noticeMoment(r.nextMeeting.scheduledFor)
      : r.nextReviewBy
        ? `not booked yet; the next review is due by ${noticeDay(r.nextReviewBy)}`
        : "not booked yet",
  );
}

function drawPeople(w: PrintoutWriter, r: FamilyMeetingRecord) {
  w.heading("Who came");
  if (r.attendance.length === 0) w.paragraph("Nobody joined the meeting room.");
  w.list(
    r.attendance.map((p) => {
      const role = p.chair ? "chair" : roleWords[p.role].toLowerCase();
      const spans = p.spans
        .map((s) => `${time(s.joinedAt)} to ${s.leftAt ? time(s.leftAt) : "the end"}`)
        .join("; ");
      return `${p.name} (${role}${p.agencyName ? `, ${p.agencyName}` : ""}): ${spans}`;
    }),
  );
  if (r.apologies.length > 0) {
    w.heading("Could not come");
    w.list(r.apologies.map((a) => (a.reason ? `${named(a)}: ${a.reason}` : named(a))));
  }
}

function drawAgreed(w: PrintoutWriter, r: FamilyMeetingRecord) {
  w.heading("What was decided");
  if (r.decisions.length === 0) w.paragraph("No decisions were written down in the meeting.");
  w.list(
    r.decisions.map(
      (d) => `${d.text} (written down by ${d.recordedByName} at ${time(d.recordedAt)})`,
    ),
  );
  w.heading("What we agreed to do");
  if (r.actionsAgreed.length === 0) w.paragraph("No new actions were agreed in the meeting.");
  w.list(
    r.actionsAgreed.map(
      (a) => `${a.text}: ${namesInWords(a.owners.map(named))}, by ${noticeDay(a.dueDate)}`,
    ),
  );
}

function drawResponses(w: PrintoutWriter, r: FamilyMeetingRecord) {
  const { entries } = r.responses;
  if (entries.length === 0) return;
  w.heading("Since the meeting");
  const confirmed = entries.filter((e) => e.kind === "confirmed").map((e) => e.name);
  if (confirmed.length > 0) w.paragraph(`${namesInWords(confirmed)} said these notes are right.`);
  w.list(
    entries
      .filter((e) => e.kind === "commented" && e.comment)
      .map((e) => `${e.name} added, on ${noticeDay(e.respondedAt)}: ${e.comment}`),
  );
}

/**
 * A held meeting's notes: when it ran, who came, what was decided and agreed,
 * what came after, and any corrections made to the record since.
 */
export function meetingRecordPdf(
  record: FamilyMeetingRecord,
  header: PrintoutHeader,
  corrections: readonly PrintedCorrection[] = [],
) {
  return makePrintout(header, (w) => {
    drawWhen(w, record);
    drawPeople(w, record);
    drawAgreed(w, record);
    drawResponses(w, record);
    if (record.version.unchanged) {
      w.paragraph(
        `These notes were stored as version ${record.version.number} of the plan when the meeting ended, and have not changed since.`,
        { muted: true },
      );
    }
    drawCorrections(w, corrections);
  });
}
