/**
 * A small seeded generator (mulberry32): a failing randomised test prints its
 * seed, and the same seed plays the same choices again.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed to use: the given one when set (to reproduce a failure), else a fresh one. */
export function seedFrom(value: string | undefined): number {
  const given = value ? Number(value) : Number.NaN;
  return Number.isInteger(given) ? given : Math.floor(Math.random() * 2 ** 31);
}
