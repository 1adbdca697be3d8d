import { addCalendarMonths } from "../journey/calendar-months";
import { addDays } from "../journey/journey-dates";
import { quarterDays, quarterOf } from "../oversight/quarters";

export const periodKinds = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** The days a set of figures covers, both ends included. */
export interface FigurePeriod {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
}

const months: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** A period of `kind` starting on `from` (any day: a quarter need not be a calendar quarter). */
export function periodStarting(kind: PeriodKind, from: string): FigurePeriod {
  return { kind, from, to: addDays(addCalendarMonths(from, months[kind]), -1) };
}

/** The default: the last calendar quarter that has ended before `today`. */
export function lastQuarter(today: string): FigurePeriod {
  const current = quarterDays(quarterOf(today));
  const lastDay = addDays(current?.start ?? today, -1);
  const previous = quarterDays(quarterOf(lastDay));
  return { kind: "quarter", from: previous?.start ?? lastDay, to: previous?.end ?? lastDay };
}

export function inPeriod(day: string | null, period: FigurePeriod): day is string {
  return day !== null && day >= period.from && day <= period.to;
}

/**
 * The period shown when none is chosen: the last whole month; the last
 * whole quarter; the four quarters ending with the last whole quarter.
 */
export function defaultPeriod(kind: PeriodKind, today: string): FigurePeriod {
  const quarter = lastQuarter(today);
  switch (kind) {
    case "quarter":
      return quarter;
    case "month":
      return periodStarting("month", addCalendarMonths(`${today.slice(0, 8)}01`, -1));
    case "year":
      return periodStarting("year", addCalendarMonths(quarter.from, -9));
  }
}
