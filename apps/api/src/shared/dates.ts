/** Today's calendar date (UTC) as YYYY-MM-DD, for comparing with date columns. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
