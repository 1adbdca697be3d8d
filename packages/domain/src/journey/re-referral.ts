import { addCalendarMonths } from "./calendar-months";

/** The parts of an earlier episode that decide whether a new request is a re-referral. */
export interface ClosedEpisodeFacts {
  id: string;
  /** When the episode closed; null while it is open. */
  closedAt: Date | null;
}

/** A family whose last episode closed within this many months comes back as a re-referral. */
export const RE_REFERRAL_MONTHS = 12;

/**
 * The episode a request for help re-refers, or null. A request is a
 * re-referral when the family's last episode closed on or before the day
 * of the request and no more than 12 months before it (the same calendar
 * day a year earlier still counts). Only the latest episode matters: an
 * open latest episode, or one closed longer ago, is no re-referral.
 */
export function reReferralOf(
  lastEpisode: ClosedEpisodeFacts | null,
  requestedOn: string,
): string | null {
  if (!lastEpisode?.closedAt) return null;
  const closedOn = lastEpisode.closedAt.toISOString().slice(0, 10);
  if (closedOn > requestedOn) return null;
  if (closedOn < addCalendarMonths(requestedOn, -RE_REFERRAL_MONTHS)) return null;
  return lastEpisode.id;
}
