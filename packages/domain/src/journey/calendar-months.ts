import { followUpMonths } from "./journey-vocabulary";

/**
 * The same day `months` calendar months later (or earlier, when negative),
 * kept to the last day of a shorter month: 31 August + 6 months is 28 or
 * 29 February. Days are YYYY-MM-DD.
 */
export function addCalendarMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0),
  ).getUTCDate();
  shifted.setUTCDate(Math.min(date ?? 1, lastDay));
  return shifted.toISOString().slice(0, 10);
}

/** When the lead is asked whether the change lasted: 3 and 6 months after the closing day. */
export function followUpDueDates(closedOn: string) {
  return followUpMonths.map((months) => ({
    monthsAfter: String(months) as `${typeof months}`,
    dueOn: addCalendarMonths(closedOn, months),
  }));
}
