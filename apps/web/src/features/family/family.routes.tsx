import { createRoute } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";
import { AuditPage } from "../audit/audit-page";
import { AgreementsPage, RecordAgreementPage } from "../consent/agreements-pages";
import { ConsentsPage } from "../consent/consents-page";
import { EndLawfulBasisPage } from "../consent/end-lawful-basis-page";
import { LawfulBasesPage, RecordLawfulBasisPage } from "../consent/lawful-bases-pages";
import { RecordConsentPage } from "../consent/record-consent-page";
import { WithdrawConsentPage } from "../consent/withdraw-consent-page";
import { MeetingRoomPage } from "../meeting/meeting-room-page";
import { MeetingsPage } from "../meeting/meetings-page";
import { ScheduleMeetingPage } from "../meeting/schedule-meeting-page";
import { EditActionPage, NewActionPage } from "../outcomes/action-form-page";
import { EditOutcomePage, NewOutcomePage } from "../outcomes/outcome-form-page";
import { OutcomesPage } from "../outcomes/outcomes-page";
import { ProgressNotePage } from "../outcomes/progress-note-page";
import { PlanPage } from "../plan/plan-page";
import { RecordSharePage } from "../sharing/record-share-page";
import { SharingPage } from "../sharing/sharing-page";
import { AddPractitionerPage } from "../team/add-practitioner-page";
import { HandOverLeadPage, RemoveTeamMemberPage } from "../team/team-change-pages";
import { TeamPage } from "../team/team-page";
import { FamilyLayout } from "./family-layout";
import { CloseCasePage, LevelOfNeedPage, StepDownPage, StepUpPage } from "./family-lifecycle-pages";
import { FamilySummaryPage } from "./family-summary-page";
import { InviteMemberPage } from "./invite-member-page";
import { EditMemberPage, NewMemberPage } from "./member-form-page";
import { MembersPage } from "./members-page";
import { NewFamilyPage } from "./new-family-page";

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

export const newFamilyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/families/new",
  component: NewFamilyPage,
});

export const familyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/families/$familyId",
  component: FamilyLayout,
});

const parent = () => familyRoute;

const summary = createRoute({ getParentRoute: parent, path: "/", component: FamilySummaryPage });
const levelOfNeed = createRoute({
  getParentRoute: parent,
  path: "/level-of-need",
  component: LevelOfNeedPage,
});
const close = createRoute({ getParentRoute: parent, path: "/close", component: CloseCasePage });
const stepUp = createRoute({ getParentRoute: parent, path: "/step-up", component: StepUpPage });
const stepDown = createRoute({
  getParentRoute: parent,
  path: "/step-down",
  component: StepDownPage,
});

const members = createRoute({ getParentRoute: parent, path: "/members", component: MembersPage });
const newMember = createRoute({
  getParentRoute: parent,
  path: "/members/new",
  validateSearch: (search: Record<string, unknown>): { kind?: "child" | "adult" | undefined } => ({
    kind: search.kind === "adult" ? "adult" : search.kind === "child" ? "child" : undefined,
  }),
  component: NewMemberPage,
});
const editMember = createRoute({
  getParentRoute: parent,
  path: "/members/$memberId/edit",
  component: EditMemberPage,
});
const inviteMember = createRoute({
  getParentRoute: parent,
  path: "/members/$memberId/invite",
  component: InviteMemberPage,
});

const team = createRoute({ getParentRoute: parent, path: "/team", component: TeamPage });
const addToTeam = createRoute({
  getParentRoute: parent,
  path: "/team/add",
  component: AddPractitionerPage,
});
const removeFromTeam = createRoute({
  getParentRoute: parent,
  path: "/team/$membershipId/remove",
  component: RemoveTeamMemberPage,
});
const handOverLead = createRoute({
  getParentRoute: parent,
  path: "/team/lead",
  component: HandOverLeadPage,
});

const agreements = createRoute({
  getParentRoute: parent,
  path: "/agreements",
  component: AgreementsPage,
});
const newAgreement = createRoute({
  getParentRoute: parent,
  path: "/agreements/new",
  component: RecordAgreementPage,
});
const consents = createRoute({
  getParentRoute: parent,
  path: "/consents",
  component: ConsentsPage,
});
const newConsent = createRoute({
  getParentRoute: parent,
  path: "/consents/new",
  component: RecordConsentPage,
});
const withdrawConsent = createRoute({
  getParentRoute: parent,
  path: "/consents/$consentId/withdraw",
  component: WithdrawConsentPage,
});
const lawfulBases = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases",
  component: LawfulBasesPage,
});
const newLawfulBasis = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases/new",
  component: RecordLawfulBasisPage,
});
const endLawfulBasis = createRoute({
  getParentRoute: parent,
  path: "/lawful-bases/$lawfulBasisId/end",
  component: EndLawfulBasisPage,
});
const sharing = createRoute({ getParentRoute: parent, path: "/sharing", component: SharingPage });
const newShare = createRoute({
  getParentRoute: parent,
  path: "/sharing/new",
  component: RecordSharePage,
});

const outcomes = createRoute({
  getParentRoute: parent,
  path: "/outcomes",
  component: OutcomesPage,
});
const newOutcome = createRoute({
  getParentRoute: parent,
  path: "/outcomes/new",
  component: NewOutcomePage,
});
const editOutcome = createRoute({
  getParentRoute: parent,
  path: "/outcomes/$outcomeId/edit",
  component: EditOutcomePage,
});
const newAction = createRoute({
  getParentRoute: parent,
  path: "/actions/new",
  validateSearch: (search: Record<string, unknown>): { outcomeId?: string | undefined } => ({
    outcomeId: text(search.outcomeId),
  }),
  component: NewActionPage,
});
const editAction = createRoute({
  getParentRoute: parent,
  path: "/actions/$actionId/edit",
  component: EditActionPage,
});
const progress = createRoute({
  getParentRoute: parent,
  path: "/actions/$actionId/progress",
  component: ProgressNotePage,
});

const plan = createRoute({ getParentRoute: parent, path: "/plan", component: PlanPage });
const meetings = createRoute({
  getParentRoute: parent,
  path: "/meetings",
  component: MeetingsPage,
});
const newMeeting = createRoute({
  getParentRoute: parent,
  path: "/meetings/new",
  component: ScheduleMeetingPage,
});
const meetingRoom = createRoute({
  getParentRoute: parent,
  path: "/meetings/$meetingId/room",
  component: MeetingRoomPage,
});

const audit = createRoute({
  getParentRoute: parent,
  path: "/audit",
  validateSearch: (search: Record<string, unknown>): { before?: number | undefined } => {
    const before = Number(search.before);
    return { before: Number.isInteger(before) && before > 0 ? before : undefined };
  },
  component: AuditPage,
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
  audit,
]);
