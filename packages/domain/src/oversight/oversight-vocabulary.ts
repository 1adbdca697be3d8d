/**
 * Closed vocabularies of oversight: managers' decisions, case-file audits and
 * supervision. Shared by the schema, the API and the web client.
 */

/** What a manager signs off. */
export const signOffSubjects = ["assessment", "plan", "closure"] as const;
export type SignOffSubject = (typeof signOffSubjects)[number];

export const signOffDecisions = ["approved", "returned"] as const;
export type SignOffDecision = (typeof signOffDecisions)[number];

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
