import type { components, paths } from "./schema";

type Schemas = components["schemas"];
type JsonOf<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type Ok<P extends keyof paths, M extends "get" | "post" | "patch"> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? JsonOf<R>
  : never;

export type Me = Schemas["Me"]["data"];
export type GlobalAbilities = Schemas["Me"]["abilities"];
export type Role = Me["role"];
export type Authority = Schemas["Authority"];
export type LevelOfNeed = Authority["levelsOfNeed"][number];
export type MySession = Schemas["MySession"];
export type Agency = Schemas["Agency"];
export type AgencyType = Agency["type"];
export type AdminUser = Schemas["AdminUser"];
export type Family = Schemas["Family"];
export type FamilyResponse = Ok<"/api/families/{familyId}", "get">;
/** What the caller may do in one family, as the API computed it: resource → action → boolean. */
export type FamilyAbilities = FamilyResponse["abilities"];
export type FamilySummary = Ok<"/api/families", "get">["data"][number];
export type FamilyMember = Schemas["FamilyMember"];
export type CreateFamilyMember = Schemas["CreateFamilyMember"];
export type OutcomeArea = FamilyMember["needs"][number];
export type TeamMembership = Schemas["TeamMembership"];
export type Agreement = Schemas["Agreement"];
export type DirectoryEntry = Schemas["DirectoryEntry"];
export type PlanOutcome = Schemas["PlanOutcome"];
/** Who in the family can see an outcome, action or share (the team always can). */
export type FamilyAudience = Schemas["FamilyAudienceShown"];
export type Action = Schemas["Action"];
export type ActionOwner = Schemas["ActionOwner"];
export type MyAction = Schemas["MyAction"];
export type AuditLine = Schemas["AuditLine"];
export type AuditPerson = Schemas["AuditPerson"];
export type Reader = Schemas["Reader"];
export type FormerTeamRead = Schemas["FormerTeamRead"];
export type Consent = Schemas["Consent"];
export type InformationKind = Consent["informationKinds"][number];
export type ConsentMethod = Consent["method"];
export type ConsentWithdrawal = Ok<
  "/api/families/{familyId}/consents/{consentId}/withdraw",
  "post"
>["data"];
export type LawfulBasis = Schemas["LawfulBasis"];
export type LawfulBasisKind = LawfulBasis["basis"];
export type NotToldReason = NonNullable<LawfulBasis["notToldReason"]>;
export type SharingRecord = Schemas["SharingRecord"];
export type Meeting = Schemas["Meeting"];
export type NextMeetingDue = Schemas["NextMeetingDue"];
export type ClosureReason = Schemas["CloseFamily"]["reason"];
export type DueFollowUp = Schemas["DueFollowUp"];
export type FeedbackInvitation = Schemas["FeedbackInvitation"];
export type FamilyFeedback = Schemas["FamilyFeedback"];
export type InAppNotification = Schemas["Notification"];
export type NoticePreferences = Schemas["NoticePreferences"];
