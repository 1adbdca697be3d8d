import {
  actions,
  consents,
  type Executor,
  episodes,
  families,
  helpRequests,
  meetings,
  reviews,
  sustainabilityChecks,
} from "@teamaround/db";
import { addDays, type DriftFacts, type DriftTargets } from "@teamaround/domain";
import { and, desc, eq, gte, isNull, lt, lte, ne, sql } from "drizzle-orm";
import { authoritySettings } from "../shared/authority-settings";
import { inManagerScope, listCaseload, type ManagerScope } from "./manager-scope";

const hasOpenEpisode = sql`exists (select 1 from ${episodes} oe where oe.family_id = ${families.id} and oe.status <> 'closed')`;

const familyColumns = {
  familyId: families.id,
  familyName: families.displayName,
  familyReference: families.reference,
};

/** The last meeting each open episode in scope has held (meetings of earlier episodes do not count). */
function lastMeetings(db: Executor, scope: ManagerScope) {
  return db
    .selectDistinctOn([meetings.familyId], {
      familyId: meetings.familyId,
      endedAt: meetings.endedAt,
      kind: meetings.kind,
      nextReviewOn: reviews.nextReviewOn,
    })
    .from(meetings)
    .innerJoin(families, eq(families.id, meetings.familyId))
    .innerJoin(
      episodes,
      and(
        eq(episodes.familyId, meetings.familyId),
        ne(episodes.status, "closed"),
        gte(meetings.endedAt, episodes.openedAt),
      ),
    )
    .leftJoin(reviews, eq(reviews.meetingId, meetings.id))
    .where(and(eq(meetings.state, "ended"), inManagerScope(scope)))
    .orderBy(meetings.familyId, desc(meetings.endedAt));
}

/** Open actions of open cases in scope past the authority's allowance (the rule re-checks). */
function lateActions(db: Executor, scope: ManagerScope, today: string, overdueDays: number) {
  return db
    .select({
      ...familyColumns,
      id: actions.id,
      text: actions.text,
      dueDate: actions.dueDate,
      status: actions.status,
    })
    .from(actions)
    .innerJoin(families, eq(families.id, actions.familyId))
    .where(
      and(
        eq(actions.status, "open"),
        lt(actions.dueDate, addDays(today, -overdueDays)),
        inManagerScope(scope),
        hasOpenEpisode,
      ),
    );
}

function consentsPastReview(db: Executor, scope: ManagerScope, today: string) {
  return db
    .select({
      ...familyColumns,
      id: consents.id,
      decision: consents.decision,
      withdrawnAt: consents.withdrawnAt,
      reviewDate: consents.reviewDate,
    })
    .from(consents)
    .innerJoin(families, eq(families.id, consents.familyId))
    .where(
      and(
        eq(consents.decision, "given"),
        isNull(consents.withdrawnAt),
        lt(consents.reviewDate, today),
        inManagerScope(scope),
        hasOpenEpisode,
      ),
    );
}

/** Requests to the manager's service still awaiting triage. */
function untriagedRequests(db: Executor, scope: ManagerScope) {
  return db
    .select({
      id: helpRequests.id,
      familyId: helpRequests.familyId,
      familyName: helpRequests.familyName,
      familyReference: families.reference,
      requestedOn: helpRequests.requestedOn,
    })
    .from(helpRequests)
    .leftJoin(families, eq(families.id, helpRequests.familyId))
    .where(
      and(
        eq(helpRequests.receivingAgencyId, scope.agencyId),
        eq(helpRequests.authorityId, scope.authorityId),
        eq(helpRequests.status, "awaiting_triage"),
      ),
    );
}

function dueFollowUps(db: Executor, scope: ManagerScope, today: string) {
  return db
    .select({
      ...familyColumns,
      id: sustainabilityChecks.id,
      monthsAfter: sustainabilityChecks.monthsAfter,
      dueOn: sustainabilityChecks.dueOn,
    })
    .from(sustainabilityChecks)
    .innerJoin(families, eq(families.id, sustainabilityChecks.familyId))
    .where(
      and(
        isNull(sustainabilityChecks.result),
        lte(sustainabilityChecks.dueOn, today),
        inManagerScope(scope),
      ),
    );
}

/**
 * Everything the drift rules read for one manager, in a fixed handful of
 * set-based queries (never one per case).
 */
export async function loadDriftFacts(
  db: Executor,
  scope: ManagerScope,
  today: string,
): Promise<DriftFacts> {
  const authority = await authoritySettings(db, scope.authorityId);
  const targets: DriftTargets = {
    triageTargetWorkingDays: authority.triageTargetWorkingDays,
    assessmentTargetWorkingDays: authority.assessmentTargetWorkingDays,
    actionOverdueDays: authority.actionOverdueDays,
    firstTacWorkingDays: authority.firstTacWorkingDays,
    reviewMinWeeks: authority.reviewMinWeeks,
    reviewMaxWeeks: authority.reviewMaxWeeks,
  };
  const [caseload, held, late, consentRows, requests, followUps] = await Promise.all([
    listCaseload(db, scope),
    lastMeetings(db, scope),
    lateActions(db, scope, today, targets.actionOverdueDays),
    consentsPastReview(db, scope, today),
    untriagedRequests(db, scope),
    dueFollowUps(db, scope, today),
  ]);
  const lastByFamily = new Map(held.map((m) => [m.familyId, m]));
  return {
    today,
    targets,
    requests: requests.map((r) => ({ ...r, awaitingTriage: true })),
    episodes: caseload.map((e) => {
      const last = lastByFamily.get(e.familyId);
      return {
        familyId: e.familyId,
        familyName: e.familyName,
        familyReference: e.familyReference,
        episodeId: e.episodeId,
        number: e.number,
        openedAt: e.openedAt,
        status: e.status,
        planInPlaceAt: e.planInPlaceAt,
        hasLeadProfessional: e.leadUserId !== null,
        lastMeeting:
          last?.endedAt != null
            ? { endedAt: last.endedAt, kind: last.kind, nextReviewOn: last.nextReviewOn }
            : null,
      };
    }),
    actions: late,
    consents: consentRows,
    followUps: followUps.map((f) => ({
      ...f,
      monthsAfter: Number(f.monthsAfter),
      answered: false,
    })),
  };
}
