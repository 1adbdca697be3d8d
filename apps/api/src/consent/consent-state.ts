import type { consents } from "@teamaround/db";
import { isoDay } from "../shared/dates";

export type ConsentRow = typeof consents.$inferSelect;

export const consentStates = ["active", "refused", "withdrawn", "review_due"] as const;
export type ConsentState = (typeof consentStates)[number];

/** Where a consent stands today. A passed review date does not end it; it asks for a review. */
export function consentState(row: ConsentRow, today: string): ConsentState {
  if (row.decision === "refused") return "refused";
  if (row.decision === "withdrawn" || row.withdrawnAt !== null) return "withdrawn";
  if (row.reviewDate !== null && row.reviewDate < today) return "review_due";
  return "active";
}

/** Given and not withdrawn: it can still be withdrawn (even when its review is due). */
export function isInForce(row: ConsentRow): boolean {
  return row.decision === "given" && row.withdrawnAt === null;
}

/** Can it carry team memberships now: in force, and its review date not passed. */
export function isActive(row: ConsentRow, today: string): boolean {
  return isInForce(row) && (row.reviewDate === null || row.reviewDate >= today);
}

/**
 * Could this consent carry a share or a team membership at that moment:
 * obtained by then, not yet withdrawn, and its review date not passed (as
 * the team feature requires of a consent a practitioner joins on).
 */
export function wasActiveAt(row: ConsentRow, at: Date): boolean {
  if (row.decision === "refused") return false;
  if (row.obtainedAt.getTime() > at.getTime()) return false;
  if (row.reviewDate !== null && row.reviewDate < isoDay(at)) return false;
  if (row.withdrawnAt !== null) return row.withdrawnAt.getTime() > at.getTime();
  return row.decision === "given";
}
