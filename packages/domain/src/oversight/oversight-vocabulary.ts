/**
 * Closed vocabularies of oversight: managers' decisions, case-file audits and
 * supervision. Shared by the schema, the API and the web client.
 */

/** What a manager signs off. */
export const signOffSubjects = ["assessment", "plan", "closure"] as const;
export type SignOffSubject = (typeof signOffSubjects)[number];

/**
 * What the sign-off history records: a manager's approval or return, or the
 * lead taking back what waited (`withdrawn`, closures only).
 */
export const signOffDecisions = ["approved", "returned", "withdrawn"] as const;
export type SignOffDecision = (typeof signOffDecisions)[number];

/**
 * Where a closure proposal or a plan submitted for sign-off stands: waiting
 * for a manager, approved, returned with comments, or withdrawn (the lead
 * took the closure back, or the episode closed another way first, e.g.
 * stepped up).
 */
export const signOffStates = ["waiting", "approved", "returned", "withdrawn"] as const;
export type SignOffState = (typeof signOffStates)[number];

/** The grade descriptors councils use for case-file audits (as Ofsted's). */
export const auditGrades = ["outstanding", "good", "requires_improvement", "inadequate"] as const;
export type AuditGrade = (typeof auditGrades)[number];

/** The areas a case-file audit grades, each with its prompt on the form. */
export const caseAuditAreas = [
  "voice_of_the_child",
  "assessment_quality",
  "plan_quality",
  "multi_agency_working",
  "management_oversight",
  "impact_and_outcomes",
] as const;
export type CaseAuditArea = (typeof caseAuditAreas)[number];
