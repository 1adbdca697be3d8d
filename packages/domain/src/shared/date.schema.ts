import { z } from "zod";

/**
 * Plausibility windows for dates from outside, relative to the wall clock.
 * They catch the absurd (a child born in 1800, a review in 9999) at the edge;
 * the precise rules ("not in the future", "today or later") stay in the
 * handlers, which use the API's injected clock.
 */
export interface YearWindow {
  /** How many years before today the earliest accepted date is. */
  pastYears: number;
  /** How many years after today the latest accepted date is. */
  futureYears: number;
}

function shiftYears(from: Date, years: number): Date {
  const shifted = new Date(from.getTime());
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return shifted;
}

/** Whether a date (YYYY-MM-DD) or date-time falls within the window around `now`. */
export function isWithinYears(value: string, window: YearWindow, now: Date = new Date()): boolean {
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return false;
  const earliest = shiftYears(now, -window.pastYears).getTime() - 86_400_000;
  const latest = shiftYears(now, window.futureYears).getTime() + 86_400_000;
  return at >= earliest && at <= latest;
}

function windowMessage({ pastYears, futureYears }: YearWindow): string {
  if (futureYears === 0) return `must be within the last ${pastYears} years`;
  return `must be between ${pastYears} years ago and ${futureYears} years from now`;
}

/** A calendar date, YYYY-MM-DD, inside a plausible window. */
export function isoDateWithin(window: YearWindow) {
  return z.iso
    .date({ message: "must be a date in the form YYYY-MM-DD" })
    .refine((value) => isWithinYears(value, window), windowMessage(window));
}

/** A date and time with its offset, e.g. 2026-03-01T10:00:00Z, inside a plausible window. */
export function dateTimeWithin(window: YearWindow) {
  return z.iso
    .datetime({ offset: true, message: "must be a date and time, e.g. 2026-03-01T10:00:00Z" })
    .refine((value) => isWithinYears(value, window), windowMessage(window));
}

/** The windows every schema uses, so the same kind of date has the same bounds everywhere. */
export const dateWindows = {
  /** An adult's date of birth. */
  adultBirth: { pastYears: 120, futureYears: 0 },
  /** A child's or young person's date of birth: Early Help runs to 25 with SEND. */
  childBirth: { pastYears: 25, futureYears: 0 },
  /** Something that happened: consent obtained, information shared, a decision taken. */
  recorded: { pastYears: 25, futureYears: 0 },
  /** A meeting's date and time. */
  meeting: { pastYears: 1, futureYears: 2 },
  /** A due, target or review date in a plan. */
  planDate: { pastYears: 1, futureYears: 5 },
} as const satisfies Record<string, YearWindow>;
