/** Closed vocabularies of the field, shared by the schema, the API and the web client. */

export const agencyTypes = [
  "school",
  "early_years",
  "health",
  "police",
  "housing",
  "childrens_social_care",
  "adult_services",
  "voluntary",
  "other",
] as const;
export type AgencyType = (typeof agencyTypes)[number];

/**
 * `partnership_analyst`: sees the partnership's aggregate figures only — no
 * family, no name, no free text. `guest`: a partner without an account,
 * invited to one meeting (the account is made with the invitation and works
 * for that meeting only; see `guest-policy.ts`).
 */
export const userRoles = [
  "practitioner",
  "manager",
  "administrator",
  "family_member",
  "partnership_analyst",
  "guest",
] as const;
export type UserRole = (typeof userRoles)[number];

export const userStatuses = ["invited", "active", "deactivated"] as const;
export type UserStatus = (typeof userStatuses)[number];

export const familyStatuses = ["assessment_started", "plan_active", "closed"] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

/** Why a case closed. `stepped_up` means it moved to statutory social care. */
export const closureReasons = [
  "outcomes_met",
  "stepped_up",
  "family_declined",
  "moved_away",
  "other_service",
] as const;
export type ClosureReason = (typeof closureReasons)[number];

/** How the case arrived: fresh, or stepped down from statutory social care. */
export const familyOrigins = ["early_help_request", "stepped_down"] as const;
export type FamilyOrigin = (typeof familyOrigins)[number];

/** The national family outcome vocabulary. */
export const outcomeAreas = [
  "education",
  "early_years",
  "health",
  "substance_use",
  "family_relationships",
  "safety_from_abuse_and_exploitation",
  "crime",
  "domestic_abuse",
  "housing",
  "financial_stability",
] as const;
export type OutcomeArea = (typeof outcomeAreas)[number];

export const teamRoles = ["lead_professional", "member"] as const;
export type TeamRole = (typeof teamRoles)[number];

export const consentDecisions = ["given", "refused", "withdrawn"] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

export const consentMethods = ["in_person", "phone", "written", "online"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** Kinds of information a consent may cover and a share may carry. */
export const informationKinds = [
  "contact_details",
  "education",
  "health",
  "mental_health",
  "family_circumstances",
  "housing",
  "finances",
  "offending",
  "domestic_abuse",
  "substance_use",
] as const;
export type InformationKind = (typeof informationKinds)[number];

/** Lawful bases other than consent (UK GDPR art. 6, DPA 2018 sch. 1). */
export const lawfulBases = [
  "public_task",
  "legal_obligation",
  "vital_interests",
  "safeguarding_of_children",
] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

/** Why a family was not told about a share. */
export const notToldReasons = [
  "risk_of_harm",
  "prejudice_crime_investigation",
  "harmful_delay",
] as const;
export type NotToldReason = (typeof notToldReasons)[number];

export const outcomeStatuses = ["active", "achieved", "dropped"] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

export const actionStatuses = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const memberKinds = ["child", "adult"] as const;
export type MemberKind = (typeof memberKinds)[number];
