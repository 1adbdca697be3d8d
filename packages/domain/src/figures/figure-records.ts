import type { RequestStatus, SustainedResult } from "../journey/journey-vocabulary";
import type { AuditGrade } from "../oversight/oversight-vocabulary";
import type { ClosureReason, OutcomeArea } from "../shared/vocabulary";

/**
 * The plain records the partnership's figures are counted from: one per row
 * of the case record, with only what a figure needs. No names, no free text.
 * Days are YYYY-MM-DD (UTC).
 */

/**
 * A request for help. A new family has no record yet, so a request is split
 * by agency and by the locality the asker gave; level of need and age are not known.
 */
export interface RequestRecord {
  requestedOn: string;
  status: RequestStatus;
  /** The service asked (it triages and leads). */
  receivingAgencyId: string;
  /** The asking practitioner's agency; null when the family asked. */
  requesterAgencyId: string | null;
  /** The locality the asker said the family lives in, if they said. */
  locality: string | null;
}

/** One episode of Early Help with the family facts its splits need. */
export interface EpisodeRecord {
  id: string;
  familyId: string;
  /** 1, 2, 3… in the order the family's episodes opened. */
  number: number;
  openedOn: string;
  /** When the assessment was completed and the plan put in place: the first-TAC clock starts. */
  planInPlaceOn: string | null;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  /** The family's owning agency: the lead agency. */
  leadAgencyId: string;
  /** Who asked: an agency id, "family", or null when the episode came from a step-down. */
  askingAgency: string | null;
  locality: string | null;
  levelOfNeed: number;
  /** Dates of birth of the family's children (those known). */
  childBirthDates: readonly string[];
  /** The current lead professional, if any. */
  leadUserId: string | null;
}

export interface AssessmentRecord {
  episodeId: string;
  startedOn: string;
  completedOn: string | null;
}

export interface EpisodeEventRecord {
  episodeId: string;
  kind: "stepped_up" | "stepped_down" | "other";
  on: string;
}

export interface OutcomeResultRecord {
  episodeId: string;
  result: "met" | "partly_met" | "not_met";
}

/** A practitioners' need score (the family's own scores are not counted here). */
export interface NeedScoreRecord {
  episodeId: string;
  area: OutcomeArea;
  memberId: string | null;
  stage: "assessment" | "review" | "closure";
  score: number;
  scoredOn: string;
  recordedAt: Date;
}

export interface FeedbackRecord {
  episodeId: string;
  answeredOn: string;
  respected: number;
  listenedTo: number;
  helped: number;
  wouldRecommend: number;
}

export interface CaseAuditRecord {
  episodeId: string;
  auditedOn: string;
  grade: AuditGrade;
}

export interface SustainabilityRecord {
  episodeId: string;
  monthsAfter: "3" | "6";
  recordedOn: string | null;
  result: SustainedResult | null;
}

/** A meeting of the family that was held (it started). */
export interface HeldMeetingRecord {
  familyId: string;
  heldOn: string;
}

export interface ReviewRecord {
  episodeId: string;
  reviewedOn: string;
  /** When the next review was set for; null when none was (e.g. at closure). */
  nextReviewOn: string | null;
}

export interface FigureRecords {
  /** The authority's target: working days from the plan to the first TAC meeting. */
  firstTacWorkingDays: number;
  meetings: readonly HeldMeetingRecord[];
  reviews: readonly ReviewRecord[];
  requests: readonly RequestRecord[];
  episodes: readonly EpisodeRecord[];
  assessments: readonly AssessmentRecord[];
  events: readonly EpisodeEventRecord[];
  outcomeResults: readonly OutcomeResultRecord[];
  scores: readonly NeedScoreRecord[];
  feedback: readonly FeedbackRecord[];
  audits: readonly CaseAuditRecord[];
  sustainability: readonly SustainabilityRecord[];
}
