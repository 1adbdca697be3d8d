/** Upper bounds (ms) of the buckets; the last takes everything slower. */
export const histogramBoundsMs = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, Infinity];

/**
 * Durations counted in doubling buckets: cheap enough for the group commit's
 * every batch, and two readings subtract to give a window's distribution
 * (`bench:realtime` prints it).
 */
export class TimeHistogram {
  readonly counts: number[] = histogramBoundsMs.map(() => 0);

  record(ms: number): void {
    let i = 0;
    while (ms > (histogramBoundsMs[i] ?? Infinity)) i++;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }
}

/** The bucket bound under which a share `p` (0–1) of the counts fall; null when there are none. */
export function histogramQuantile(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= p * total) return histogramBoundsMs[i] ?? Infinity;
  }
  return Infinity;
}
