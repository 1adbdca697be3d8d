import { SCORE_MAX, SCORE_MIN } from "@teamaround/domain";

/**
 * The choices of a 0–10 need score: first the "none" choice, then each
 * number, the two ends named in the authority's words when `scale` is given.
 */
export function scoreChoices(none: string, scale?: { low: string; high: string }) {
  const numbers = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
  return [
    { value: "", label: none },
    ...numbers.map((n) => ({
      value: String(n),
      label:
        scale && n === SCORE_MIN
          ? `${n} – ${scale.low}`
          : scale && n === SCORE_MAX
            ? `${n} – ${scale.high}`
            : String(n),
    })),
  ];
}
