import { daysBetween } from "./drift";

/**
 * A manager's caseload: the open episodes of their service, filtered and
 * counted per lead professional. Pure functions over plain rows.
 */
export const caseAgeBands = [
  "under_3_months",
  "3_to_6_months",
  "6_to_12_months",
  "over_12_months",
] as const;
export type CaseAgeBand = (typeof caseAgeBands)[number];

export const caseAgeBandLabels: Record<CaseAgeBand, string> = {
  under_3_months: "Under 3 months",
  "3_to_6_months": "3 to 6 months",
  "6_to_12_months": "6 to 12 months",
  over_12_months: "Over 12 months",
};

export interface CaseloadRow {
  familyId: string;
  familyName: string;
  familyReference: string;
  episodeId: string;
  status: "assessment" | "plan_in_place";
  levelOfNeed: number;
  locality: string | null;
  openedOn: string;
  leadUserId: string | null;
  leadName: string | null;
}

export interface CaseloadFilters {
  /** A lead's user id, or "none" for cases nobody leads. */
  lead?: string;
  levelOfNeed?: number;
  status?: "assessment" | "plan_in_place";
  locality?: string;
  age?: CaseAgeBand;
}

/** How long the case has been open, in bands of months (91, 182, 365 days). */
export function caseAgeBand(openedOn: string, today: string): CaseAgeBand {
  const days = daysBetween(openedOn, today);
  if (days < 91) return "under_3_months";
  if (days < 182) return "3_to_6_months";
  if (days < 365) return "6_to_12_months";
  return "over_12_months";
}

export function filterCaseload(
  rows: readonly CaseloadRow[],
  filters: CaseloadFilters,
  today: string,
): CaseloadRow[] {
  return rows.filter(
    (r) =>
      (filters.lead === undefined ||
        (filters.lead === "none" ? r.leadUserId === null : r.leadUserId === filters.lead)) &&
      (filters.levelOfNeed === undefined || r.levelOfNeed === filters.levelOfNeed) &&
      (filters.status === undefined || r.status === filters.status) &&
      (filters.locality === undefined || r.locality === filters.locality) &&
      (filters.age === undefined || caseAgeBand(r.openedOn, today) === filters.age),
  );
}

export interface LeadCaseload {
  leadUserId: string | null;
  leadName: string | null;
  open: number;
  beingAssessed: number;
  planInPlace: number;
}

/** Open cases per lead professional (cases nobody leads counted together), busiest first, cases nobody leads last. */
export function caseloadPerLead(rows: readonly CaseloadRow[]): LeadCaseload[] {
  const byLead = new Map<string | null, LeadCaseload>();
  for (const row of rows) {
    const entry = byLead.get(row.leadUserId) ?? {
      leadUserId: row.leadUserId,
      leadName: row.leadName,
      open: 0,
      beingAssessed: 0,
      planInPlace: 0,
    };
    entry.open += 1;
    if (row.status === "assessment") entry.beingAssessed += 1;
    else entry.planInPlace += 1;
    byLead.set(row.leadUserId, entry);
  }
  const nobodyLast = (entry: LeadCaseload) => (entry.leadUserId === null ? 1 : 0);
  return [...byLead.values()].sort(
    (a, b) =>
      nobodyLast(a) - nobodyLast(b) ||
      b.open - a.open ||
      (a.leadName ?? "").localeCompare(b.leadName ?? ""),
  );
}
