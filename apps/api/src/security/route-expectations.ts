import { meetingAttendance } from "@teamaround/db";
import { caseAuditAreas } from "@teamaround/domain";
import type { TestApi } from "../testing/test-api";
import {
  deactivate,
  invitationToken,
  leadSessionId,
  pendingTotpCode,
  prepareInvitation,
  prepareLeadSession,
  preparePendingTotp,
} from "./account-fixtures";
import { assessmentRouteCases } from "./assessment-route-cases";
import { guestRouteCases } from "./guest-route-cases";
import { noticeRouteCases } from "./notice-route-cases";
import { notificationRouteCases } from "./notification-route-cases";
import type { Persona } from "./personas";
import { retentionRouteCases } from "./retention-route-cases";
import type { SecurityWorld } from "./security-world";
import { closureAnswers, signOffRouteCases } from "./sign-off-route-cases";

export type Expected = Record<Persona, number>;

export interface RouteCase {
  /** A request that would succeed for an allowed persona: real ids, a valid body. */
  request(world: SecurityWorld): { path: string; body?: unknown };
  /** State to set up before the call (for routes that act only in a given state). */
  prepare?(api: TestApi, world: SecurityWorld): Promise<void>;
  expect: Expected;
}

const signedOut = { anonymous: 401, expiredSession: 401 } as const;

/**
 * Expected statuses for a family-scoped route: outsiders 404 (the partnership
 * analyst, who sees aggregate figures only, is an outsider to every family),
 * insiders as listed.
 */
export function familyScoped(insiders: {
  manager: number;
  leadProfessional: number;
  teamMember: number;
  familyMember: number;
}): Expected {
  return {
    ...signedOut,
    administrator: 404,
    outsider: 404,
    otherFamilyMember: 404,
    analyst: 404,
    guest: 404,
    ...insiders,
  };
}

type SignedInExpected = Omit<Expected, "anonymous" | "expiredSession" | "analyst" | "guest"> & {
  /** The partnership analyst: refused (403) unless stated. */
  analyst?: number;
  /** A guest partner: refused (403) unless stated; their role is in no global permission. */
  guest?: number;
};

export function global(rest: SignedInExpected): Expected {
  return { ...signedOut, analyst: 403, guest: 403, ...rest };
}

const validVersion = 1;

/** A complete case-file audit: every area graded with a comment. */
const validCaseAudit = {
  grade: "good",
  areas: caseAuditAreas.map((area) => ({ area, grade: "good", comment: "Seen on the file." })),
  feedback: "A clear plan the family understands.",
};

/** Every signed-in persona gets the same status. */
export function signedIn(status: number): Omit<Expected, "anonymous" | "expiredSession"> {
  return {
    analyst: status,
    administrator: status,
    manager: status,
    leadProfessional: status,
    teamMember: status,
    outsider: status,
    familyMember: status,
    otherFamilyMember: status,
    guest: status,
  };
}

/** Public routes: the same status whether or not a session is presented. */
function allPersonas(status: number): Expected {
  return { anonymous: status, expiredSession: status, ...signedIn(status) };
}

/** Administration: administrators only; everyone else signed in is refused. */
export function administratorOnly(status: number): Expected {
  return global({ ...signedIn(403), administrator: status });
}

/**
 * Every API route, keyed "METHOD /api/path/{param}", with the status each
 * persona must get. The suite fails for a route missing from this table.
 */
export const routeCases: Record<string, RouteCase> = {
  ...assessmentRouteCases,
  ...guestRouteCases,
  ...signOffRouteCases,
  ...noticeRouteCases,
  ...notificationRouteCases,
  ...retentionRouteCases,
  "GET /api/families": {
    request: () => ({ path: "/api/families" }),
    expect: global({
      administrator: 403,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 200,
      otherFamilyMember: 200,
    }),
  },
  "POST /api/families": {
    request: () => ({
      path: "/api/families",
      body: { displayName: "The Test family", levelOfNeed: 2 },
    }),
    expect: global({
      administrator: 403,
      manager: 201,
      leadProfessional: 201,
      teamMember: 201,
      outsider: 201,
      familyMember: 403,
      otherFamilyMember: 403,
    }),
  },
  "GET /api/families/{familyId}": {
    request: (w) => ({ path: `/api/families/${w.family.id}` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "PATCH /api/families/{familyId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}`,
      body: { version: validVersion, levelOfNeed: 3 },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/close": {
    // Closing at once: where the authority asks for sign-off the lead proposes (409 here).
    prepare: async (api, w) => {
      const { setSignOffRequired } = await import("@teamaround/db/testing");
      await setSignOffRequired(api.deps.db, w.authority.id, { closure: false });
    },
    request: (w) => ({
      path: `/api/families/${w.family.id}/close`,
      body: { version: validVersion, ...closureAnswers(w) },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/step-up": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/step-up`,
      body: { version: validVersion, note: "Significant harm concerns" },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/step-down": {
    prepare: async (api, w) => {
      const { episodes, families } = await import("@teamaround/db");
      const { eq } = await import("drizzle-orm");
      const closed = {
        status: "closed",
        closureReason: "stepped_up",
        closedAt: new Date(),
      } as const;
      await api.deps.db.update(families).set(closed).where(eq(families.id, w.family.id));
      await api.deps.db.update(episodes).set(closed).where(eq(episodes.familyId, w.family.id));
    },
    request: (w) => ({
      path: `/api/families/${w.family.id}/step-down`,
      body: { version: validVersion, levelOfNeed: 3, note: "Stepped down after CIN plan ended" },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // Requests for help: staff with an agency ask; the receiving service (school) triages.
  "POST /api/help-requests": {
    request: (w) => ({
      path: "/api/help-requests",
      body: {
        receivingAgencyId: w.agencies.school.id,
        familyName: "The Asked family",
        children: [{ givenName: "Kit", familyName: "Asked" }],
        requesterKind: "practitioner",
        requestedOn: new Date().toISOString().slice(0, 10),
        worries: "Kit has not been in school for three weeks",
        familyKnows: true,
        familyAgrees: true,
      },
    }),
    expect: global({
      administrator: 403,
      manager: 201,
      leadProfessional: 201,
      teamMember: 201,
      outsider: 201,
      familyMember: 403,
      otherFamilyMember: 403,
    }),
  },
  "GET /api/help-requests": {
    request: () => ({ path: "/api/help-requests?view=incoming" }),
    expect: global({
      administrator: 403,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 403,
      otherFamilyMember: 403,
    }),
  },
  "GET /api/help-requests/{requestId}": {
    request: (w) => ({ path: `/api/help-requests/${w.helpRequest.id}` }),
    // The asker (outsider) and the receiving service read it; everyone else is told it does not exist.
    expect: global({
      analyst: 404,
      guest: 404,
      administrator: 404,
      manager: 200,
      leadProfessional: 200,
      teamMember: 404,
      outsider: 200,
      familyMember: 404,
      otherFamilyMember: 404,
    }),
  },
  "POST /api/help-requests/{requestId}/triage": {
    request: (w) => ({
      path: `/api/help-requests/${w.helpRequest.id}/triage`,
      body: { decision: "accept", leadUserId: w.users.lead.id, levelOfNeed: 2, version: 1 },
    }),
    expect: global({
      analyst: 404,
      guest: 404,
      administrator: 404,
      manager: 200,
      leadProfessional: 200,
      teamMember: 404,
      outsider: 403,
      familyMember: 404,
      otherFamilyMember: 404,
    }),
  },
  "GET /api/families/{familyId}/episodes": {
    request: (w) => ({ path: `/api/families/${w.family.id}/episodes` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  // The plan: outcomes and actions. Staff in the team write; the family marks its own actions.
  "GET /api/families/{familyId}/outcomes": {
    request: (w) => ({ path: `/api/families/${w.family.id}/outcomes` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/outcomes": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/outcomes`,
      body: {
        area: "health",
        title: "Robin sleeps through the night",
        measure: "Five nights in seven, for a month",
        targetDate: w.inAMonth,
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  "PATCH /api/families/{familyId}/outcomes/{outcomeId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/outcomes/${w.outcome.id}`,
      body: { version: validVersion, measure: "Attendance above 96% for a half term" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/actions": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/actions`,
      body: {
        outcomeId: w.outcome.id,
        text: "Set a bedtime routine",
        dueDate: w.inAMonth,
        owners: [{ memberId: w.members.parent.id }, { userId: w.users.teamMember.id }],
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  "PATCH /api/families/{familyId}/actions/{actionId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/actions/${w.parentAction.id}`,
      body: { version: validVersion, status: "done" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/actions/{actionId}/progress": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/actions/${w.parentAction.id}/progress`,
      body: { note: "Walked to school every day this week" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 201,
    }),
  },
  "GET /api/my/actions": {
    request: () => ({ path: "/api/my/actions" }),
    expect: global({
      administrator: 403,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 200,
      otherFamilyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/audit": {
    request: (w) => ({ path: `/api/families/${w.family.id}/audit` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/audit/export": {
    request: (w) => ({ path: `/api/families/${w.family.id}/audit/export` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/audit/readers": {
    request: (w) => ({ path: `/api/families/${w.family.id}/audit/readers` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/audit/former-team-reads": {
    request: (w) => ({ path: `/api/families/${w.family.id}/audit/former-team-reads` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/members": {
    request: (w) => ({ path: `/api/families/${w.family.id}/members` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/members": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/members`,
      body: { kind: "child", givenName: "Ash", familyName: "Test", dateOfBirth: "2019-05-01" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  "PATCH /api/families/{familyId}/members/{memberId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/members/${w.members.child.id}`,
      body: { version: validVersion, school: "Test Academy" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/members/{memberId}/invitation": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/members/${w.unlinkedCarer.id}/invitation`,
      body: { email: `carer.${w.unlinkedCarer.id}@example.test` },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/team": {
    request: (w) => ({ path: `/api/families/${w.family.id}/team` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/team": {
    // The world's lawful basis covers the housing agency the outsider works for.
    request: (w) => ({
      path: `/api/families/${w.family.id}/team`,
      body: { userId: w.users.outsider.id },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/team/{membershipId}/remove": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/team/${w.teamMembership.id}/remove`,
      body: { reason: "No longer working with the family" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/team/lead": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/team/lead`,
      body: { membershipId: w.teamMembership.id },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/agreements": {
    request: (w) => ({ path: `/api/families/${w.family.id}/agreements` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/agreements": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/agreements`,
      body: { memberId: w.members.parent.id, agreed: true, agreedAt: "2026-01-05" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  // TAC meetings: every insider reads them; the lead professional schedules and chairs.
  "GET /api/families/{familyId}/meetings": {
    request: (w) => ({ path: `/api/families/${w.family.id}/meetings` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/meetings": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings`,
      body: {
        kind: "review",
        scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        agenda: [{ title: "What is working well" }, { title: "Actions" }],
        invitees: [{ userId: w.users.teamMember.id }, { memberId: w.members.parent.id }],
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // A guest partner reads the one meeting they are invited to (guest-policy.ts).
  "GET /api/families/{familyId}/meetings/{meetingId}": {
    request: (w) => ({ path: `/api/families/${w.family.id}/meetings/${w.meeting.id}` }),
    expect: {
      ...familyScoped({
        manager: 200,
        leadProfessional: 200,
        teamMember: 200,
        familyMember: 200,
      }),
      guest: 200,
    },
  },
  // Whom the meeting's invitations did not reach: the lead's, to tell them another way.
  "GET /api/families/{familyId}/meetings/{meetingId}/unsent-notices": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/unsent-notices`,
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // A held meeting's record, apologies and attendees' responses (meetings/meeting-record.routes.ts).
  "GET /api/families/{familyId}/meetings/{meetingId}/record": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.reviewMeeting.id}/record`,
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  // The chair, before or during the meeting.
  "POST /api/families/{familyId}/meetings/{meetingId}/apologies": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/apologies`,
      body: { person: { kind: "practitioner", userId: w.users.teamMember.id }, reason: "On leave" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // The people who were there: the lead, the team member and the parent came; the manager did not.
  "POST /api/families/{familyId}/meetings/{meetingId}/record/responses": {
    prepare: async (api, w) => {
      const joinedAt = new Date(Date.now() - 3_000_000);
      await api.deps.db.insert(meetingAttendance).values(
        [w.users.lead, w.users.teamMember, w.users.parentUser].map((u) => ({
          meetingId: w.reviewMeeting.id,
          familyId: w.family.id,
          userId: u.id,
          joinedAt,
          leftAt: new Date(),
        })),
      );
    },
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.reviewMeeting.id}/record/responses`,
      body: { kind: "confirmed" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 201,
    }),
  },
  "PATCH /api/families/{familyId}/meetings/{meetingId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}`,
      body: { version: validVersion, location: "Family hub, room 2" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/meetings/{meetingId}/start": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/start`,
      body: { version: validVersion },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/meetings/{meetingId}/cancel": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/cancel`,
      body: { version: validVersion },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // Family-safe PDFs: every insider downloads them, each only as the family may see it.
  "GET /api/families/{familyId}/plan.pdf": {
    request: (w) => ({ path: `/api/families/${w.family.id}/plan.pdf` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/meetings/{meetingId}/record.pdf": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.reviewMeeting.id}/record.pdf`,
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/assessments/{assessmentId}/assessment.pdf": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/assessments/${w.assessment.id}/assessment.pdf`,
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  // Plan versions: every insider reads them (family members without the practitioners' notes).
  "GET /api/families/{familyId}/versions": {
    request: (w) => ({ path: `/api/families/${w.family.id}/versions` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/versions/{versionId}": {
    request: (w) => ({ path: `/api/families/${w.family.id}/versions/${w.planVersions[1].id}` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/versions/{versionId}/diff": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/versions/${w.planVersions[1].id}/diff?against=${w.planVersions[0].id}`,
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/directory/practitioners": {
    request: () => ({ path: "/api/directory/practitioners?q=practitioner" }),
    expect: global({
      administrator: 200,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 403,
      otherFamilyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/consents": {
    request: (w) => ({ path: `/api/families/${w.family.id}/consents` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/consents": {
    // The parent recording their own consent online is allowed, as are staff in the team.
    request: (w) => ({
      path: `/api/families/${w.family.id}/consents`,
      body: {
        givenByMemberId: w.members.parent.id,
        decision: "given",
        coversMemberIds: [w.members.parent.id, w.members.child.id],
        agencyIds: [w.agencies.housing.id],
        informationKinds: ["housing"],
        method: "online",
        obtainedAt: new Date(Date.now() - 86_400_000).toISOString(),
        reviewDate: w.inAMonth,
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 201,
    }),
  },
  "POST /api/families/{familyId}/consents/{consentId}/withdraw": {
    // The family-member persona is the parent who gave the world's consent.
    request: (w) => ({
      path: `/api/families/${w.family.id}/consents/${w.consent.id}/withdraw`,
      body: { reason: "We no longer want information shared" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "GET /api/families/{familyId}/lawful-bases": {
    request: (w) => ({ path: `/api/families/${w.family.id}/lawful-bases` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/lawful-bases": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/lawful-bases`,
      body: {
        basis: "safeguarding_of_children",
        agencyIds: [w.agencies.housing.id],
        justification: "Risk to the children from the conditions at home",
        decidedAt: new Date(Date.now() - 86_400_000).toISOString(),
        familyTold: false,
        notToldReason: "risk_of_harm",
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/lawful-bases/{lawfulBasisId}/end": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/lawful-bases/${w.lawfulBasis.id}/end`,
      body: { reason: "Repairs completed" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/sharing": {
    request: (w) => ({ path: `/api/families/${w.family.id}/sharing` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/sharing": {
    // The world's consent was obtained after the suite's clock started; bring it to now.
    prepare: async (api) => {
      api.clock.now = new Date();
    },
    request: (w) => ({
      path: `/api/families/${w.family.id}/sharing`,
      body: {
        informationKind: "health",
        summary: "Outcome of the school nurse review",
        toAgencyId: w.agencies.health.id,
        purpose: "Plan support at home",
        sharedAt: new Date().toISOString(),
        consentId: w.consent.id,
        familyTold: true,
      },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 201,
      teamMember: 201,
      familyMember: 403,
    }),
  },
  // Sign-in routes are public. Sign-in with an email no account has answers 401 for everyone.
  "POST /api/auth/sign-in": {
    request: (w) => ({
      path: "/api/auth/sign-in",
      body: { email: `nobody.${w.family.id}@example.test`, password: "not the password" },
    }),
    expect: allPersonas(401),
  },
  // Single sign-on is public: the buttons for anyone; the security world's authority has none,
  // so starting redirects back to the sign-in page, as does a callback with no flow cookie.
  "GET /api/auth/sso-options": {
    request: () => ({ path: "/api/auth/sso-options" }),
    expect: allPersonas(200),
  },
  "GET /api/auth/oidc/start": {
    request: (w) => ({ path: `/api/auth/oidc/start?authority=${w.authority.id}` }),
    expect: allPersonas(302),
  },
  "GET /api/auth/oidc/callback": {
    request: () => ({ path: "/api/auth/oidc/callback?code=abc&state=xyz" }),
    expect: allPersonas(302),
  },
  // Only a session waiting for its second factor may send a code; the personas' are complete.
  "POST /api/auth/totp": {
    request: () => ({ path: "/api/auth/totp", body: { code: "123456" } }),
    expect: global(signedIn(409)),
  },
  // Idempotent: without a live session it still clears the cookie.
  "POST /api/auth/sign-out": {
    request: () => ({ path: "/api/auth/sign-out" }),
    expect: allPersonas(204),
  },
  // The link is the credential: it works for whoever holds it, signed in or not.
  "POST /api/auth/set-password": {
    prepare: prepareInvitation,
    request: (w) => ({
      path: "/api/auth/set-password",
      body: { token: invitationToken(w), password: "correct horse battery staple" },
    }),
    expect: allPersonas(200),
  },
  "GET /api/me": {
    request: () => ({ path: "/api/me" }),
    expect: global(signedIn(200)),
  },
  "GET /api/me/sessions": {
    request: () => ({ path: "/api/me/sessions" }),
    expect: global(signedIn(200)),
  },
  // The lead professional's own other session: anyone else's id is not found.
  "DELETE /api/me/sessions/{sessionId}": {
    prepare: prepareLeadSession,
    request: (w) => ({ path: `/api/me/sessions/${leadSessionId(w)}` }),
    expect: global({ ...signedIn(404), leadProfessional: 204 }),
  },
  "POST /api/me/sessions/revoke-others": {
    request: () => ({ path: "/api/me/sessions/revoke-others" }),
    expect: global(signedIn(200)),
  },
  "POST /api/me/totp/enrol": {
    request: () => ({ path: "/api/me/totp/enrol" }),
    expect: global(signedIn(200)),
  },
  "POST /api/me/totp/confirm": {
    prepare: preparePendingTotp,
    request: (w) => ({ path: "/api/me/totp/confirm", body: { code: pendingTotpCode(w) } }),
    expect: global(signedIn(200)),
  },
  "GET /api/agencies": {
    request: () => ({ path: "/api/agencies" }),
    expect: global({
      ...signedIn(200),
      familyMember: 403,
      otherFamilyMember: 403,
      analyst: 403,
      guest: 403,
    }),
  },
  "POST /api/agencies": {
    request: () => ({ path: "/api/agencies", body: { name: "Young carers", type: "voluntary" } }),
    expect: administratorOnly(201),
  },
  "PATCH /api/agencies/{agencyId}": {
    request: (w) => ({
      path: `/api/agencies/${w.agencies.housing.id}`,
      body: { version: validVersion, name: "Housing Options" },
    }),
    expect: administratorOnly(200),
  },
  "GET /api/users": {
    request: () => ({ path: "/api/users?status=active" }),
    expect: administratorOnly(200),
  },
  "POST /api/users": {
    request: (w) => ({
      path: "/api/users",
      body: {
        email: `new.${w.family.id}@example.test`,
        displayName: "New Practitioner",
        role: "practitioner",
        agencyId: w.agencies.school.id,
      },
    }),
    expect: administratorOnly(201),
  },
  "PATCH /api/users/{userId}": {
    request: (w) => ({
      path: `/api/users/${w.users.outsider.id}`,
      body: { version: validVersion, jobTitle: "Housing officer" },
    }),
    expect: administratorOnly(200),
  },
  "POST /api/users/{userId}/deactivate": {
    request: (w) => ({
      path: `/api/users/${w.users.otherLead.id}/deactivate`,
      body: { reason: "Left the service" },
    }),
    expect: administratorOnly(200),
  },
  "POST /api/users/{userId}/reactivate": {
    prepare: (api, w) => deactivate(api, w.users.otherLead.id),
    request: (w) => ({ path: `/api/users/${w.users.otherLead.id}/reactivate` }),
    expect: administratorOnly(200),
  },
  "POST /api/users/{userId}/invitation": {
    request: (w) => ({ path: `/api/users/${w.users.outsider.id}/invitation` }),
    expect: administratorOnly(201),
  },
  // Corrections to closed records: the held review meeting's record is closed.
  "POST /api/families/{familyId}/records/{recordKind}/{recordId}/corrections": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/records/meeting_record/${w.reviewMeeting.id}/corrections`,
      body: { section: "Decisions", correctedText: "The grant was agreed.", reason: "Misheard." },
    }),
    expect: familyScoped({
      manager: 201,
      leadProfessional: 201,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/records/{recordKind}/{recordId}/corrections": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/records/meeting_record/${w.reviewMeeting.id}/corrections`,
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 403,
    }),
  },
  // A family member's request for a correction, and the lead's or a manager's decision.
  "POST /api/families/{familyId}/records/{recordKind}/{recordId}/correction-requests": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/records/meeting_record/${w.reviewMeeting.id}/correction-requests`,
      body: { whatIsWrong: "The date is wrong.", shouldSay: "It was on a Tuesday." },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 403,
      teamMember: 403,
      familyMember: 201,
    }),
  },
  "GET /api/families/{familyId}/correction-requests": {
    request: (w) => ({ path: `/api/families/${w.family.id}/correction-requests` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/correction-requests/{requestId}/accept": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/correction-requests/${w.correctionRequest.id}/accept`,
      body: { section: "Decisions", correctedText: "The grant was agreed.", reason: "Misheard." },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/correction-requests/{requestId}/decline": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/correction-requests/${w.correctionRequest.id}/decline`,
      body: { reason: "The record says what was said." },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // Subject access: administrators of the family's authority only.
  "GET /api/admin/subject-access/families": {
    request: (w) => ({
      path: `/api/admin/subject-access/families?reference=${encodeURIComponent(w.family.reference)}`,
    }),
    expect: administratorOnly(200),
  },
  "GET /api/admin/subject-access/families/{familyId}/members/{memberId}/export.json": {
    request: (w) => ({
      path: `/api/admin/subject-access/families/${w.family.id}/members/${w.members.parent.id}/export.json`,
    }),
    expect: administratorOnly(200),
  },
  "GET /api/admin/subject-access/families/{familyId}/members/{memberId}/export.pdf": {
    request: (w) => ({
      path: `/api/admin/subject-access/families/${w.family.id}/members/${w.members.parent.id}/export.pdf`,
    }),
    expect: administratorOnly(200),
  },
  "GET /api/admin/subject-access/users/{userId}/export.json": {
    request: (w) => ({ path: `/api/admin/subject-access/users/${w.users.lead.id}/export.json` }),
    expect: administratorOnly(200),
  },
  "GET /api/admin/subject-access/users/{userId}/export.pdf": {
    request: (w) => ({ path: `/api/admin/subject-access/users/${w.users.lead.id}/export.pdf` }),
    expect: administratorOnly(200),
  },
  "GET /api/authority": {
    request: () => ({ path: "/api/authority" }),
    expect: global({ ...signedIn(200), guest: 403 }),
  },
  "PATCH /api/authority": {
    request: () => ({
      path: "/api/authority",
      body: { version: validVersion, leadProfessionalTitle: "Family Help Lead Practitioner" },
    }),
    expect: administratorOnly(200),
  },
  // Single sign-on settings name the council's identity provider: administrators only.
  "GET /api/authority/single-sign-on": {
    request: () => ({ path: "/api/authority/single-sign-on" }),
    expect: administratorOnly(200),
  },
  "PATCH /api/authority/single-sign-on": {
    request: () => ({
      path: "/api/authority/single-sign-on",
      body: { version: validVersion, displayName: "Sign in with Northshire Council" },
    }),
    expect: administratorOnly(200),
  },
  // The partnership's figures: analysts (the whole partnership) and managers (their service).
  ...Object.fromEntries(
    ["/api/figures", "/api/figures.csv", "/api/figures/board-report.pdf"].map((path) => [
      `GET ${path}`,
      {
        request: () => ({ path: `${path}?period=year&split=lead_agency` }),
        expect: global({ ...signedIn(403), analyst: 200, manager: 200 }),
      },
    ]),
  ),
  // "How was it for you?": family members answer; the lead and managers read the figures.
  "GET /api/families/{familyId}/feedback/open": {
    request: (w) => ({ path: `/api/families/${w.family.id}/feedback/open` }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 403,
      teamMember: 403,
      familyMember: 200,
    }),
  },
  "POST /api/families/{familyId}/feedback/{invitationId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/feedback/${w.feedbackInvitation.id}`,
      body: { respected: 5, listenedTo: 4, helped: 4, wouldRecommend: 5, shareWithLead: false },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 403,
      teamMember: 403,
      familyMember: 201,
    }),
  },
  "GET /api/families/{familyId}/feedback": {
    request: (w) => ({ path: `/api/families/${w.family.id}/feedback` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  // Follow-up after closure: the lead's reminders, and the lead records the result.
  "GET /api/manager/caseload": {
    request: () => ({ path: "/api/manager/caseload" }),
    expect: global({ ...signedIn(403), manager: 200 }),
  },
  "GET /api/manager/drift": {
    request: () => ({ path: "/api/manager/drift" }),
    expect: global({ ...signedIn(403), manager: 200 }),
  },
  "GET /api/manager/sign-offs": {
    request: () => ({ path: "/api/manager/sign-offs" }),
    expect: global({ ...signedIn(403), manager: 200 }),
  },
  "GET /api/follow-ups": {
    request: () => ({ path: "/api/follow-ups" }),
    expect: global({
      ...signedIn(200),
      administrator: 403,
      familyMember: 403,
      otherFamilyMember: 403,
      analyst: 403,
      guest: 403,
    }),
  },
  // Case-file audits: managers audit, the audited lead reads and acknowledges; samples per service.
  "POST /api/families/{familyId}/case-audits": {
    request: (w) => ({ path: `/api/families/${w.family.id}/case-audits`, body: validCaseAudit }),
    expect: familyScoped({
      manager: 201,
      leadProfessional: 403,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/case-audits": {
    request: (w) => ({ path: `/api/families/${w.family.id}/case-audits` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/case-audits/{auditId}/acknowledge": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/case-audits/${w.caseAudit.id}/acknowledge`,
      body: { response: "Thank you, noted." },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/case-audits/mine": {
    request: () => ({ path: "/api/case-audits/mine" }),
    expect: global({
      ...signedIn(200),
      administrator: 403,
      familyMember: 403,
      otherFamilyMember: 403,
      analyst: 403,
      guest: 403,
    }),
  },
  "POST /api/manager/audit-samples": {
    request: () => ({ path: "/api/manager/audit-samples", body: { size: 5 } }),
    expect: global({ ...signedIn(403), manager: 201 }),
  },
  "GET /api/manager/audit-samples": {
    request: () => ({ path: "/api/manager/audit-samples" }),
    expect: global({ ...signedIn(403), manager: 200 }),
  },
  // Supervision notes: recorded by managers, read by managers and the lead only.
  "POST /api/families/{familyId}/supervision": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/supervision`,
      body: {
        heldOn: new Date().toISOString().slice(0, 10),
        discussion: "Attendance and the housing repairs",
        decisions: "Chase the landlord; review in four weeks",
      },
    }),
    expect: familyScoped({
      manager: 201,
      leadProfessional: 403,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "GET /api/families/{familyId}/supervision": {
    request: (w) => ({ path: `/api/families/${w.family.id}/supervision` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/follow-ups/{checkId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/follow-ups/${w.followUp.id}`,
      body: { result: "sustained" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
};
