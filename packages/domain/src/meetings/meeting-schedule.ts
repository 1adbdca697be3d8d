import type { MeetingKind } from "./meeting.schema";

const day = 86_400_000;
const week = 7 * day;

/** The first TAC meeting is due within three weeks of the assessment starting. */
export const initialMeetingWithinWeeks = 3;

export interface ScheduleFacts {
  /** When the assessment started (the case was opened). */
  assessmentStartedAt: Date;
  /** When the most recent meeting ended, if any has. */
  lastEndedAt: Date | null;
  /** Whether that meeting closed the plan: no further review falls due. */
  lastWasClosing: boolean;
  reviewMinWeeks: number;
  reviewMaxWeeks: number;
}

/** When the next meeting falls due: a window [from, by]. */
export interface MeetingDue {
  kind: "initial" | "review";
  from: Date;
  by: Date;
}

export function nextMeetingDue(facts: ScheduleFacts): MeetingDue | null {
  if (facts.lastWasClosing) return null;
  if (!facts.lastEndedAt) {
    const from = facts.assessmentStartedAt;
    return {
      kind: "initial",
      from,
      by: new Date(from.getTime() + initialMeetingWithinWeeks * week),
    };
  }
  const ended = facts.lastEndedAt.getTime();
  return {
    kind: "review",
    from: new Date(ended + facts.reviewMinWeeks * week),
    by: new Date(ended + facts.reviewMaxWeeks * week),
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
        ? `The first meeting should be held within ${initialMeetingWithinWeeks} weeks of the assessment starting`
        : "This review is later than the authority's review interval";
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
