/**
 * Date arithmetic of the journey on calendar dates (YYYY-MM-DD, UTC).
 * Working days skip Saturdays and Sundays only: bank holidays are not known
 * to the product, so a due date that falls after one is a day early.
 */

const dayMs = 86_400_000;

function toDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  return toIsoDay(new Date(toDate(isoDay).getTime() + days * dayMs));
}

export function isWeekend(isoDay: string): boolean {
  const weekday = toDate(isoDay).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The date `workingDays` working days after `isoDay` (which itself does not count). */
export function addWorkingDays(isoDay: string, workingDays: number): string {
  let day = isoDay;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}

/**
 * When the first TAC meeting is due: the authority's number of working days
 * (default 15) after the assessment was completed.
 */
export function firstTacDueOn(completedOn: string, workingDays: number): string {
  return addWorkingDays(completedOn, workingDays);
}

/** The authority's review cadence: a review every `minWeeks` to `maxWeeks` weeks. */
export interface ReviewCadence {
  minWeeks: number;
  maxWeeks: number;
}

/**
 * The next review's default date: the earliest end of the cadence after this
 * review. Starting early keeps the family inside the cadence if the meeting
 * has to move; the lead may choose any later date.
 */
export function defaultNextReviewOn(reviewedOn: string, cadence: ReviewCadence): string {
  return addDays(reviewedOn, 7 * Math.min(cadence.minWeeks, cadence.maxWeeks));
}
