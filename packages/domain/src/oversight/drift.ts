import { addWorkingDays } from "../journey/journey-dates";
import { nextMeetingDue } from "../meetings/meeting-schedule";

/**
 * The drift queue: what is late on a manager's cases, each rule a pure
 * function over plain records. Something due "on" a day is late only from the
 * day after; `daysLate` counts calendar days past `dueOn`.
 */
export const driftKinds = [
  "triage_late",
  "assessment_late",
  "first_tac_late",
  "review_overdue",
  "action_overdue",
  "consent_review_due",
  "no_lead_professional",
  "follow_up_due",
] as const;
export type DriftKind = (typeof driftKinds)[number];

/** Plain labels for each kind, as the manager reads them. */
export const driftKindLabels: Record<DriftKind, string> = {
  triage_late: "Request not triaged in time",
  assessment_late: "Assessment not completed in time",
  first_tac_late: "No first TAC meeting in time",
  review_overdue: "Review overdue",
  action_overdue: "Action overdue",
  consent_review_due: "Consent past its review date",
  no_lead_professional: "No lead professional",
  follow_up_due: "Follow-up after closure due",
};

export interface DriftItem {
  kind: DriftKind;
  /** Null only for a request naming a family not yet known to the service. */
  familyId: string | null;
  familyName: string;
  familyReference: string | null;
  /** The request, episode, action, consent or follow-up the item is about. */
  subjectId: string;
  what: string;
  dueOn: string;
  daysLate: number;
}

/** The authority's targets the rules read. */
export interface DriftTargets {
  triageTargetWorkingDays: number;
  assessmentTargetWorkingDays: number;
  actionOverdueDays: number;
  firstTacWorkingDays: number;
  reviewMinWeeks: number;
  reviewMaxWeeks: number;
}

export interface DriftFamily {
  familyId: string;
  familyName: string;
  familyReference: string;
}

export interface DriftRequest {
  id: string;
  familyId: string | null;
  familyName: string;
  familyReference: string | null;
  requestedOn: string;
  /** Only requests still awaiting triage can drift. */
  awaitingTriage: boolean;
}

export interface DriftEpisode extends DriftFamily {
  episodeId: string;
  number: number;
  openedAt: Date;
  status: "assessment" | "plan_in_place" | "closed";
  planInPlaceAt: Date | null;
  hasLeadProfessional: boolean;
  /** The last meeting this episode held, if any. */
  lastMeeting: { endedAt: Date; kind: string; nextReviewOn: string | null } | null;
}

export interface DriftAction extends DriftFamily {
  id: string;
  text: string;
  dueDate: string;
  status: string;
}

export interface DriftConsent extends DriftFamily {
  id: string;
  decision: string;
  withdrawnAt: Date | null;
  reviewDate: string | null;
}

export interface DriftFollowUp extends DriftFamily {
  id: string;
  monthsAfter: number;
  dueOn: string;
  answered: boolean;
}

/**
 * What an item says, from its kind and one detail: the request's day, the
 * episode's number, the action's words or the follow-up's months (none for
 * the other kinds). Stored drift items keep the detail and are worded here.
 */
export function driftWhat(kind: DriftKind, detail: string | null): string {
  switch (kind) {
    case "triage_late":
      return `Request for help of ${detail} awaiting triage`;
    case "assessment_late":
      return `Assessment of episode ${detail} not completed`;
    case "first_tac_late":
      return "First TAC meeting not held";
    case "review_overdue":
      return "Review meeting not held";
    case "action_overdue":
      return `The action “${detail}”`;
    case "consent_review_due":
      return "Consent to share needs reviewing";
    case "no_lead_professional":
      return `Episode ${detail} has no lead professional`;
    case "follow_up_due":
      return `${detail}-month follow-up: has the change lasted?`;
  }
}

const dayMs = 86_400_000;

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / dayMs,
  );
}

function lateItem(base: Omit<DriftItem, "daysLate">, today: string, minDaysLate = 1): DriftItem[] {
  const daysLate = daysBetween(base.dueOn, today);
  return daysLate >= minDaysLate ? [{ ...base, daysLate }] : [];
}

function familyPart(f: DriftFamily) {
  return { familyId: f.familyId, familyName: f.familyName, familyReference: f.familyReference };
}

/** Requests awaiting triage past the authority's target (working days after the request). */
export function triageDrift(
  requests: readonly DriftRequest[],
  targets: DriftTargets,
  today: string,
): DriftItem[] {
  return requests
    .filter((r) => r.awaitingTriage)
    .flatMap((r) =>
      lateItem(
        {
          kind: "triage_late",
          familyId: r.familyId,
          familyName: r.familyName,
          familyReference: r.familyReference,
          subjectId: r.id,
          what: driftWhat("triage_late", r.requestedOn),
          dueOn: addWorkingDays(r.requestedOn, targets.triageTargetWorkingDays),
        },
        today,
      ),
    );
}

/** Open episodes still being assessed past the target (working days after opening). */
export function assessmentDrift(
  episodes: readonly DriftEpisode[],
  targets: DriftTargets,
  today: string,
): DriftItem[] {
  return episodes
    .filter((e) => e.status === "assessment")
    .flatMap((e) =>
      lateItem(
        {
          kind: "assessment_late",
          ...familyPart(e),
          subjectId: e.episodeId,
          what: driftWhat("assessment_late", String(e.number)),
          dueOn: addWorkingDays(isoDay(e.openedAt), targets.assessmentTargetWorkingDays),
        },
        today,
      ),
    );
}

/** The first TAC, then each review, past its date (the meetings page's own rule). */
export function meetingDrift(
  episodes: readonly DriftEpisode[],
  targets: DriftTargets,
  today: string,
): DriftItem[] {
  return episodes
    .filter((e) => e.status === "plan_in_place")
    .flatMap((e) => {
      const due = nextMeetingDue({
        planInPlaceAt: e.planInPlaceAt,
        firstTacWorkingDays: targets.firstTacWorkingDays,
        lastEndedAt: e.lastMeeting?.endedAt ?? null,
        lastWasClosing: e.lastMeeting?.kind === "closing",
        nextReviewOn: e.lastMeeting?.nextReviewOn ?? null,
        reviewMinWeeks: targets.reviewMinWeeks,
        reviewMaxWeeks: targets.reviewMaxWeeks,
      });
      if (!due) return [];
      const initial = due.kind === "initial";
      return lateItem(
        {
          kind: initial ? "first_tac_late" : "review_overdue",
          ...familyPart(e),
          subjectId: e.episodeId,
          what: driftWhat(initial ? "first_tac_late" : "review_overdue", null),
          dueOn: isoDay(due.by),
        },
        today,
      );
    });
}

/** Open actions more than the authority's `actionOverdueDays` past their due date. */
export function actionDrift(
  actions: readonly DriftAction[],
  targets: DriftTargets,
  today: string,
): DriftItem[] {
  return actions
    .filter((a) => a.status === "open")
    .flatMap((a) =>
      lateItem(
        {
          kind: "action_overdue",
          ...familyPart(a),
          subjectId: a.id,
          what: driftWhat("action_overdue", a.text),
          dueOn: a.dueDate,
        },
        today,
        targets.actionOverdueDays + 1,
      ),
    );
}

/** Consents given, not withdrawn, whose review date has passed. */
export function consentDrift(consents: readonly DriftConsent[], today: string): DriftItem[] {
  return consents
    .filter((c) => c.decision === "given" && c.withdrawnAt === null && c.reviewDate !== null)
    .flatMap((c) =>
      lateItem(
        {
          kind: "consent_review_due",
          ...familyPart(c),
          subjectId: c.id,
          what: driftWhat("consent_review_due", null),
          dueOn: c.reviewDate ?? today,
        },
        today,
      ),
    );
}

/** Open episodes nobody leads: late from the day the episode opened. */
export function noLeadDrift(episodes: readonly DriftEpisode[], today: string): DriftItem[] {
  return episodes
    .filter((e) => e.status !== "closed" && !e.hasLeadProfessional)
    .flatMap((e) =>
      lateItem(
        {
          kind: "no_lead_professional",
          ...familyPart(e),
          subjectId: e.episodeId,
          what: driftWhat("no_lead_professional", String(e.number)),
          dueOn: isoDay(e.openedAt),
        },
        today,
        0,
      ),
    );
}

/** 3- and 6-month follow-ups after closure, due and unanswered. */
export function followUpDrift(followUps: readonly DriftFollowUp[], today: string): DriftItem[] {
  return followUps
    .filter((f) => !f.answered)
    .flatMap((f) =>
      lateItem(
        {
          kind: "follow_up_due",
          ...familyPart(f),
          subjectId: f.id,
          what: driftWhat("follow_up_due", String(f.monthsAfter)),
          dueOn: f.dueOn,
        },
        today,
        0,
      ),
    );
}

export interface DriftFacts {
  today: string;
  targets: DriftTargets;
  requests: readonly DriftRequest[];
  episodes: readonly DriftEpisode[];
  actions: readonly DriftAction[];
  consents: readonly DriftConsent[];
  followUps: readonly DriftFollowUp[];
}

/** Most late first; then the earliest due, the family's name, the kind. */
export function compareDrift(a: DriftItem, b: DriftItem): number {
  return (
    b.daysLate - a.daysLate ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.familyName.localeCompare(b.familyName) ||
    driftKinds.indexOf(a.kind) - driftKinds.indexOf(b.kind) ||
    a.subjectId.localeCompare(b.subjectId)
  );
}

/** Every rule over the facts, ordered by how late. */
export function driftQueue(facts: DriftFacts): DriftItem[] {
  const { today, targets } = facts;
  return [
    ...triageDrift(facts.requests, targets, today),
    ...assessmentDrift(facts.episodes, targets, today),
    ...meetingDrift(facts.episodes, targets, today),
    ...actionDrift(facts.actions, targets, today),
    ...consentDrift(facts.consents, today),
    ...noLeadDrift(facts.episodes, today),
    ...followUpDrift(facts.followUps, today),
  ].sort(compareDrift);
}
