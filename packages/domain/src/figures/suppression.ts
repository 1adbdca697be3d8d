/** Counts from 1 to 4 are not shown: "fewer than 5". Nought is shown. */
export const SMALLEST_SHOWN = 5;
export const FEWER_THAN_5 = "fewer than 5";

export function isSmall(count: number): boolean {
  return count > 0 && count < SMALLEST_SHOWN;
}

/**
 * A sum one can check: `total` = the sum of `parts`, each a cell id. If one
 * part alone is hidden while the total is shown, the total minus the others
 * gives it away; so another part (the smallest) is hidden too, or, when no
 * other part is left, the total.
 */
export interface Sum {
  total: string;
  parts: readonly string[];
}

/**
 * The cells to hide: every small count, then, until nothing changes, a
 * second cell of every sum that would give a hidden one away (secondary
 * suppression).
 */
export function cellsToHide(
  values: ReadonlyMap<string, number>,
  sums: readonly Sum[],
): Set<string> {
  const hidden = new Set([...values].filter(([, v]) => isSmall(v)).map(([id]) => id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of sums) {
      if (hidden.has(total)) continue;
      const hiddenParts = parts.filter((p) => hidden.has(p));
      if (hiddenParts.length !== 1) continue;
      const shown = parts
        .filter((p) => !hidden.has(p))
        .sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0) || a.localeCompare(b));
      hidden.add(shown[0] ?? total);
      changed = true;
    }
  }
  return hidden;
}
