/**
 * How long an authority keeps a closed family's record before it falls due
 * for review: until the youngest child reaches an age, or a number of years
 * after the last closure.
 */
export const retentionRuleKinds = ["youngest_child_age", "years_after_closure"] as const;
export type RetentionRuleKind = (typeof retentionRuleKinds)[number];

export interface RetentionRule {
  kind: RetentionRuleKind;
  years: number;
}

/** The rule an authority starts with: until the youngest child is 25. */
export const defaultRetentionRule: RetentionRule = { kind: "youngest_child_age", years: 25 };

/** Also the number used when a child's date of birth is missing. */
export const fallbackYearsAfterClosure = 6;

export interface RetentionEpisode {
  /** `YYYY-MM-DD` of the closure, or null while the episode is open. */
  closedOn: string | null;
}

export interface RetentionFacts {
  episodes: readonly RetentionEpisode[];
  /** Children's dates of birth (`YYYY-MM-DD`), null where unknown. */
  childDatesOfBirth: readonly (string | null)[];
}

export interface RetentionDue {
  /** `YYYY-MM-DD` the record falls due for review. */
  dueOn: string;
  /** The rule that decided it (a missing date of birth falls back to years after closure). */
  ruleApplied: RetentionRule;
}

/**
 * The date a family's record falls due for review, or null when it never
 * does yet: no episode, or one still open (a re-opened family is live work).
 * The date is never before the last closure plus the fallback years' worth
 * of the rule's own clock: under "youngest child", a child who is already old
 * enough at closure makes the record due at closure.
 */
export function retentionDueOn(facts: RetentionFacts, rule: RetentionRule): RetentionDue | null {
  if (facts.episodes.length === 0) return null;
  if (facts.episodes.some((episode) => episode.closedOn === null)) return null;
  const lastClosedOn = latest(facts.episodes.map((episode) => episode.closedOn as string));
  const afterClosure = (years: number): RetentionDue => ({
    dueOn: addYears(lastClosedOn, years),
    ruleApplied: { kind: "years_after_closure", years },
  });
  if (rule.kind === "years_after_closure") return afterClosure(rule.years);

  const births = facts.childDatesOfBirth;
  if (births.length === 0 || births.some((born) => born === null)) {
    return afterClosure(fallbackYearsAfterClosure);
  }
  const comesOfAge = addYears(latest(births as string[]), rule.years);
  return { dueOn: latest([comesOfAge, lastClosedOn]), ruleApplied: rule };
}

/** The latest of some `YYYY-MM-DD` days (they sort as text). */
function latest(days: readonly string[]): string {
  return [...days].sort().at(-1) as string;
}

/** Whole years later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = year + years;
  const lastOfMonth = new Date(Date.UTC(target, month, 0)).getUTCDate();
  const d = Math.min(date, lastOfMonth);
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function describeRetentionRule(rule: RetentionRule): string {
  return rule.kind === "youngest_child_age"
    ? `Until the youngest child is ${rule.years}`
    : `${rule.years} years after closure`;
}
