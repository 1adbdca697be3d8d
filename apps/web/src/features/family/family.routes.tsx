import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";
import { auditSearch } from "../audit/audit-search";

// Each page is its own chunk, fetched when its route is first visited.
const actionFormPage = () => import("../outcomes/action-form-page");
const addPractitionerPage = () => import("../team/add-practitioner-page");
const agreementsPages = () => import("../consent/agreements-pages");
const assessmentPage = () => import("../assessment/assessment-page");
const auditPage = () => import("../audit/audit-page");
const auditCasePage = () => import("../case-audits/audit-case-page");
const auditReadersPage = () => import("../audit/readers-page");
const closeCasePage = () => import("./close-case-page");
const consentsPage = () => import("../consent/consents-page");
const endLawfulBasisPage = () => import("../consent/end-lawful-basis-page");
const familyLayout = () => import("./family-layout");
const familyLifecyclePages = () => import("./family-lifecycle-pages");
const familySummaryPage = () => import("./family-summary-page");
const inviteMemberPage = () => import("./invite-member-page");
const lawfulBasesPages = () => import("../consent/lawful-bases-pages");
const meetingRoomPage = () => import("../meeting/meeting-room-page");
const meetingsPage = () => import("../meeting/meetings-page");
const memberFormPage = () => import("./member-form-page");
const moveMeetingPage = () => import("../meeting/move-meeting-page");
const membersPage = () => import("./members-page");
const newFamilyPage = () => import("./new-family-page");
const outcomeFormPage = () => import("../outcomes/outcome-form-page");
const oversightPage = () => import("../case-audits/oversight-page");
const outcomesPage = () => import("../outcomes/outcomes-page");
const planPage = () => import("../plan/plan-page");
const progressNotePage = () => import("../outcomes/progress-note-page");
const recordConsentPage = () => import("../consent/record-consent-page");
const recordReviewPage = () => import("../reviews/record-review-page");
const reviewPage = () => import("../reviews/review-page");
const recordSupervisionPage = () => import("../case-audits/record-supervision-page");
const recordSharePage = () => import("../sharing/record-share-page");
const scheduleMeetingPage = () => import("../meeting/schedule-meeting-page");
const sharingPage = () => import("../sharing/sharing-page");
const teamChangePages = () => import("../team/team-change-pages");
const teamPage = () => import("../team/team-page");
const withdrawConsentPage = () => import("../consent/withdraw-consent-page");

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

export const newFamilyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/families/new",
  component: lazyRouteComponent(newFamilyPage, "NewFamilyPage"),
});

export const familyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/families/$familyId",
  component: lazyRouteComponent(familyLayout, "FamilyLayout"),
});

const parent = () => familyRoute;

const summary = createRoute({
  getParentRoute: parent,
  path: "/",
  component: lazyRouteComponent(familySummaryPage, "FamilySummaryPage"),
});
const levelOfNeed = createRoute({
  getParentRoute: parent,
  path: "/level-of-need",
  component: lazyRouteComponent(familyLifecyclePages, "LevelOfNeedPage"),
});
const close = createRoute({
  getParentRoute: parent,
  path: "/close",
  component: lazyRouteComponent(closeCasePage, "CloseCasePage"),
});
const stepUp = createRoute({
  getParentRoute: parent,
  path: "/step-up",
  component: lazyRouteComponent(familyLifecyclePages, "StepUpPage"),
});
const stepDown = createRoute({
  getParentRoute: parent,
  path: "/step-down",
  component: lazyRouteComponent(familyLifecyclePages, "StepDownPage"),
});

const members = createRoute({
  getParentRoute: parent,
  path: "/members",
  component: lazyRouteComponent(membersPage, "MembersPage"),
});
const newMember = createRoute({
  getParentRoute: parent,
  path: "/members/new",
  validateSearch: (search: Record<string, unknown>): { kind?: "child" | "adult" | undefined } => ({
    kind: search.kind === "adult" ? "adult" : search.kind === "child" ? "child" : undefined,
  }),
  component: lazyRouteComponent(memberFormPage, "NewMemberPage"),
});
const editMember = createRoute({
  getParentRoute: parent,
  path: "/members/$memberId/edit",
  component: lazyRouteComponent(memberFormPage, "EditMemberPage"),
});
const inviteMember = createRoute({
  getParentRoute: parent,
  path: "/members/$memberId/invite",
  component: lazyRouteComponent(inviteMemberPage, "InviteMemberPage"),
});

const team = createRoute({
  getParentRoute: parent,
  path: "/team",
  component: lazyRouteComponent(teamPage, "TeamPage"),
});
const addToTeam = createRoute({
  getParentRoute: parent,
  path: "/team/add",
  component: lazyRouteComponent(addPractitionerPage, "AddPractitionerPage"),
});
const removeFromTeam = createRoute({
  getParentRoute: parent,
  path: "/team/$membershipId/remove",
  component: lazyRouteComponent(teamChangePages, "RemoveTeamMemberPage"),
});
const handOverLead = createRoute({
  getParentRoute: parent,
  path: "/team/lead",
  component: lazyRouteComponent(teamChangePages, "HandOverLeadPage"),
});

const agreements = createRoute({
  getParentRoute: parent,
  path: "/agreements",
  component: lazyRouteComponent(agreementsPages, "AgreementsPage"),
});
const newAgreement = createRoute({
  getParentRoute: parent,
  path: "/agreements/new",
  component: lazyRouteComponent(agreementsPages, "RecordAgreementPage"),
});
const consents = createRoute({
  getParentRoute: parent,
  path: "/consents",
  component: lazyRouteComponent(consentsPage, "ConsentsPage"),
});
const newConsent = createRoute({
  getParentRoute: parent,
  path: "/consents/new",
  component: lazyRouteComponent(recordConsentPage, "RecordConsentPage"),
});
const withdrawConsent = createRoute({
  getParentRoute: parent,
  path: "/consents/$consentId/withdraw",
  component: lazyRouteComponent(withdrawConsentPage, "WithdrawConsentPage"),
});
const lawfulBases = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases",
  component: lazyRouteComponent(lawfulBasesPages, "LawfulBasesPage"),
});
const newLawfulBasis = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases/new",
  component: lazyRouteComponent(lawfulBasesPages, "RecordLawfulBasisPage"),
});
const endLawfulBasis = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases/$lawfulBasisId/end",
  component: lazyRouteComponent(endLawfulBasisPage, "EndLawfulBasisPage"),
});
const sharing = createRoute({
  getParentRoute: parent,
  path: "/sharing",
  component: lazyRouteComponent(sharingPage, "SharingPage"),
});
const newShare = createRoute({
  getParentRoute: parent,
  path: "/sharing/new",
  component: lazyRouteComponent(recordSharePage, "RecordSharePage"),
});

const outcomes = createRoute({
  getParentRoute: parent,
  path: "/outcomes",
  component: lazyRouteComponent(outcomesPage, "OutcomesPage"),
});
const newOutcome = createRoute({
  getParentRoute: parent,
  path: "/outcomes/new",
  component: lazyRouteComponent(outcomeFormPage, "NewOutcomePage"),
});
const editOutcome = createRoute({
  getParentRoute: parent,
  path: "/outcomes/$outcomeId/edit",
  component: lazyRouteComponent(outcomeFormPage, "EditOutcomePage"),
});
const newAction = createRoute({
  getParentRoute: parent,
  path: "/actions/new",
  validateSearch: (search: Record<string, unknown>): { outcomeId?: string | undefined } => ({
    outcomeId: text(search.outcomeId),
  }),
  component: lazyRouteComponent(actionFormPage, "NewActionPage"),
});
const editAction = createRoute({
  getParentRoute: parent,
  path: "/actions/$actionId/edit",
  component: lazyRouteComponent(actionFormPage, "EditActionPage"),
});
const progress = createRoute({
  getParentRoute: parent,
  path: "/actions/$actionId/progress",
  component: lazyRouteComponent(progressNotePage, "ProgressNotePage"),
});

const plan = createRoute({
  getParentRoute: parent,
  path: "/plan",
  component: lazyRouteComponent(planPage, "PlanPage"),
});
const meetings = createRoute({
  getParentRoute: parent,
  path: "/meetings",
  component: lazyRouteComponent(meetingsPage, "MeetingsPage"),
});
const newMeeting = createRoute({
  getParentRoute: parent,
  path: "/meetings/new",
  component: lazyRouteComponent(scheduleMeetingPage, "ScheduleMeetingPage"),
});
const moveMeeting = createRoute({
  getParentRoute: parent,
  path: "/meetings/$meetingId/move",
  component: lazyRouteComponent(moveMeetingPage, "MoveMeetingPage"),
});
const meetingRoom = createRoute({
  getParentRoute: parent,
  path: "/meetings/$meetingId/room",
  component: lazyRouteComponent(meetingRoomPage, "MeetingRoomPage"),
});

const assessment = createRoute({
  getParentRoute: parent,
  path: "/assessment",
  component: lazyRouteComponent(assessmentPage, "AssessmentPage"),
});
const oneAssessment = createRoute({
  getParentRoute: parent,
  path: "/assessments/$assessmentId",
  component: lazyRouteComponent(assessmentPage, "OneAssessmentPage"),
});
const recordReview = createRoute({
  getParentRoute: parent,
  path: "/meetings/$meetingId/review",
  component: lazyRouteComponent(recordReviewPage, "RecordReviewPage"),
});

const oneReview = createRoute({
  getParentRoute: parent,
  path: "/reviews/$reviewId",
  component: lazyRouteComponent(reviewPage, "ReviewPage"),
});

const audit = createRoute({
  getParentRoute: parent,
  path: "/audit",
  validateSearch: auditSearch,
  component: lazyRouteComponent(auditPage, "AuditPage"),
});
const auditReaders = createRoute({
  getParentRoute: parent,
  path: "/audit/readers",
  component: lazyRouteComponent(auditReadersPage, "ReadersPage"),
});

// Management oversight: case-file audits and supervision (managers and the lead only).
const oversight = createRoute({
  getParentRoute: parent,
  path: "/oversight",
  component: lazyRouteComponent(oversightPage, "OversightPage"),
});
const auditCase = createRoute({
  getParentRoute: parent,
  path: "/oversight/audit",
  component: lazyRouteComponent(auditCasePage, "AuditCasePage"),
});
const recordSupervision = createRoute({
  getParentRoute: parent,
  path: "/oversight/supervision",
  component: lazyRouteComponent(recordSupervisionPage, "RecordSupervisionPage"),
});

export const familyRouteTree = familyRoute.addChildren([
  summary,
  levelOfNeed,
  close,
  stepUp,
  stepDown,
  members,
  newMember,
  editMember,
  inviteMember,
  team,
  addToTeam,
  removeFromTeam,
  handOverLead,
  agreements,
  newAgreement,
  consents,
  newConsent,
  withdrawConsent,
  lawfulBases,
  newLawfulBasis,
  endLawfulBasis,
  sharing,
  newShare,
  outcomes,
  newOutcome,
  editOutcome,
  newAction,
  editAction,
  progress,
  plan,
  meetings,
  newMeeting,
  meetingRoom,
  moveMeeting,
  assessment,
  oneAssessment,
  recordReview,
  oneReview,
  audit,
  auditReaders,
  oversight,
  auditCase,
  recordSupervision,
]);
