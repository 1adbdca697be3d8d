const dayMs = 86_400_000;

/**
 * A moment `days` from now (negative: ago) at `hour`:00 UTC, moved back to
 * the Friday before when it falls at a weekend: demo meetings and decisions
 * happen on working days. The demo is seeded relative to today, so its
 * history always reads as recent.
 */
export function workdayAt(days: number, hour = 10): Date {
  const date = new Date(Date.now() + days * dayMs);
  date.setUTCHours(hour, 0, 0, 0);
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() - 1);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() - 2);
  return date;
}

/** The calendar day (YYYY-MM-DD, UTC) of a moment. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar day `days` after a moment's day. */
export const dayAfter = (date: Date, days: number) =>
  isoDay(new Date(date.getTime() + days * dayMs));
