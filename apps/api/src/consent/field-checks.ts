import { AppError } from "@teamaround/domain";

/** One broken rule, naming the field it concerns. */
export interface Issue {
  path: string;
  message: string;
}

/** Throws 422 listing every issue, when there is any. */
export function rejectIssues(issues: readonly Issue[], message: string): void {
  if (issues.length > 0) throw new AppError("unprocessable", message, issues);
}

// A browser clock a little ahead of ours must not make "now" count as future.
const allowedClockSkewMs = 2 * 60_000;

export function futureIssues(value: Date, now: Date, path: string): Issue[] {
  return value.getTime() > now.getTime() + allowedClockSkewMs
    ? [{ path, message: "must not be in the future" }]
    : [];
}

/** A reason is needed exactly when the family was not told. */
export function notToldIssues(familyTold: boolean, notToldReason: string | undefined): Issue[] {
  if (!familyTold && notToldReason === undefined) {
    return [{ path: "notToldReason", message: "required when the family was not told" }];
  }
  if (familyTold && notToldReason !== undefined) {
    return [{ path: "notToldReason", message: "must be absent when the family was told" }];
  }
  return [];
}

/** The same calendar day a year on (29 February becomes 1 March). */
export function aYearOn(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}
