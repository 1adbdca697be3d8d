import { firstTacDueOn } from "../journey/journey-dates";
import type { MeetingKind } from "./meeting.schema";

const day = 86_400_000;
const week = 7 * day;

export interface ScheduleFacts {
  /**
   * When the current episode's assessment was completed and the plan put in
   * place: the start of the first-TAC clock. Null while the family is being
   * assessed, when no meeting is due yet.
   */
  planInPlaceAt: Date | null;
  /** The authority's target for the first TAC, in working days after that. */
  firstTacWorkingDays: number;
  /** When the most recent meeting of the current episode ended, if any has. */
  lastEndedAt: Date | null;
  /** Whether that meeting closed the plan: no further review falls due. */
  lastWasClosing: boolean;
  /** The next review date the last review decided on, if it recorded one. */
  nextReviewOn: string | null;
  reviewMinWeeks: number;
  reviewMaxWeeks: number;
}

/** When the next meeting falls due: a window [from, by]. */
export interface MeetingDue {
  kind: "initial" | "review";
  from: Date;
  by: Date;
}

/** The last moment of a calendar day (UTC): something due "on" a day is late only after it. */
function endOfDay(isoDay: string): Date {
  return new Date(`${isoDay}T23:59:59.999Z`);
}

/**
 * When the next TAC meeting of the current episode falls due. The first is
 * due within the authority's working days of the assessment's completion;
 * each later one between the review cadence's minimum and maximum after the
 * last meeting, or by the date the last review decided on.
 */
export function nextMeetingDue(facts: ScheduleFacts): MeetingDue | null {
  if (facts.lastWasClosing) return null;
  if (!facts.lastEndedAt) {
    if (!facts.planInPlaceAt) return null;
    const from = facts.planInPlaceAt;
    const dueOn = firstTacDueOn(from.toISOString().slice(0, 10), facts.firstTacWorkingDays);
    return { kind: "initial", from, by: endOfDay(dueOn) };
  }
  const ended = facts.lastEndedAt.getTime();
  return {
    kind: "review",
    from: new Date(ended + facts.reviewMinWeeks * week),
    by: facts.nextReviewOn
      ? endOfDay(facts.nextReviewOn)
      : new Date(ended + facts.reviewMaxWeeks * week),
  };
}

export interface Timeliness {
  status: "on_time" | "early" | "late";
  dueFrom: Date;
  dueBy: Date;
  message: string;
}

/**
 * Whether a meeting scheduled for `at` keeps to the timescales. A warning,
 * never a refusal: families' lives do not always fit the timetable. Closing
 * meetings have no timescale.
 */
export function meetingTimeliness(
  kind: MeetingKind,
  at: Date,
  due: MeetingDue | null,
): Timeliness | null {
  if (kind === "closing" || !due) return null;
  const base = { dueFrom: due.from, dueBy: due.by };
  if (at.getTime() > due.by.getTime()) {
    const what =
      due.kind === "initial"
        ? "The first TAC meeting is later than the authority's target after the assessment was completed"
        : "This review is later than the date the last review set, or the authority's review interval";
    return { ...base, status: "late", message: `${what}.` };
  }
  if (kind === "review" && at.getTime() < due.from.getTime()) {
    return {
      ...base,
      status: "early",
      message: "This review is sooner than the authority's minimum review interval.",
    };
  }
  return { ...base, status: "on_time", message: "On time." };
}
