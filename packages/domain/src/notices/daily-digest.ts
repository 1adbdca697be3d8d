import type { MeetingDue } from "../meetings/meeting-schedule";
import type { DailyDigestVariables } from "./action-notices";

/**
 * Whether a family's next TAC meeting (the first, or a review) counts as due
 * in the lead's digest: its window has opened and nothing is booked. The
 * window is `nextMeetingDue`'s, the same one the meetings page and My work show.
 */
export function meetingIsDue(due: MeetingDue | null, hasUpcoming: boolean, now: Date): boolean {
  return !hasUpcoming && due !== null && due.from.getTime() <= now.getTime();
}

/** A digest is sent only when there is something in it. */
export function digestHasSomething(
  digest: Pick<DailyDigestVariables, "overdueActions" | "reviewsDue">,
) {
  return digest.overdueActions > 0 || digest.reviewsDue > 0;
}
