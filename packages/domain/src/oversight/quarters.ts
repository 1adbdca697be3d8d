/** Calendar quarters as "2026-Q3", and the days they run between. */
export const quarterPattern = /^(20\d\d)-Q([1-4])$/;

export interface QuarterDays {
  /** The first day, YYYY-MM-DD. */
  start: string;
  /** The last day, YYYY-MM-DD. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last day of a quarter, or null if it is not one. */
export function quarterDays(quarter: string): QuarterDays | null {
  const match = quarterPattern.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}`,
  };
}

/** The quarter a day (YYYY-MM-DD) falls in. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * Up to `size` items chosen at random, each equally likely (a partial
 * Fisher–Yates shuffle). `randomBelow(n)` answers an integer in [0, n): pass
 * a cryptographic source in production, a fixed one in tests.
 */
export function drawSample<T>(
  items: readonly T[],
  size: number,
  randomBelow: (n: number) => number,
): T[] {
  const pool = [...items];
  const count = Math.min(size, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + randomBelow(pool.length - i);
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, count);
}
