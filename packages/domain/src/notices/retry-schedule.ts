/**
 * When a notice that could not be sent is tried again: exponential back-off
 * from `baseMs`, doubled each attempt up to `capMs`, with jitter (a random
 * point in the upper half of the delay) so that notices refused together do
 * not return together. After `maxAttempts` the notice is marked failed.
 */
export interface RetrySchedule {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

/**
 * 30 s, 1, 2, 4, 8, 16 min, then every 30 min: twelve attempts over about
 * 1½ to 3 hours (the jitter decides), so a mail server down for an hour
 * loses nothing.
 */
export const defaultRetrySchedule: RetrySchedule = {
  baseMs: 30_000,
  capMs: 30 * 60_000,
  maxAttempts: 12,
};

/**
 * The wait after failed attempt number `attempt` (1 for the first), or null
 * when no attempt is left. `random` is in [0, 1).
 */
export function noticeRetryDelayMs(
  attempt: number,
  random: number,
  schedule: RetrySchedule = defaultRetrySchedule,
): number | null {
  if (attempt >= schedule.maxAttempts) return null;
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const full = Math.min(schedule.capMs, schedule.baseMs * 2 ** exponent);
  return Math.round(full / 2 + (full / 2) * random);
}
