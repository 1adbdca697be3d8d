import {
  actionStatuses,
  agencyTypes,
  closureReasons,
  consentDecisions,
  consentMethods,
  familyAudienceKinds,
  familyOrigins,
  familyStatuses,
  lawfulBases,
  memberKinds,
  notToldReasons,
  outcomeAreas,
  outcomeStatuses,
  teamRoles,
  userRoles,
  userStatuses,
} from "@teamaround/domain";
import { pgEnum } from "drizzle-orm/pg-core";

export const agencyType = pgEnum("agency_type", agencyTypes);
export const userRole = pgEnum("user_role", userRoles);
export const userStatus = pgEnum("user_status", userStatuses);
export const familyStatus = pgEnum("family_status", familyStatuses);
export const closureReason = pgEnum("closure_reason", closureReasons);
export const familyOrigin = pgEnum("family_origin", familyOrigins);
export const outcomeArea = pgEnum("outcome_area", outcomeAreas);
export const teamRole = pgEnum("team_role", teamRoles);
export const consentDecision = pgEnum("consent_decision", consentDecisions);
export const consentMethod = pgEnum("consent_method", consentMethods);
export const lawfulBasis = pgEnum("lawful_basis", lawfulBases);
export const notToldReason = pgEnum("not_told_reason", notToldReasons);
export const outcomeStatus = pgEnum("outcome_status", outcomeStatuses);
export const actionStatus = pgEnum("action_status", actionStatuses);
export const memberKind = pgEnum("member_kind", memberKinds);
/** Who in the family may see an action, outcome or share (`family-audience.ts` in the domain). */
export const familyAudience = pgEnum("family_audience", familyAudienceKinds);
