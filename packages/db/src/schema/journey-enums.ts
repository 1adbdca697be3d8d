import {
  assessmentKinds,
  assessmentSections,
  assessmentStatuses,
  episodeEventKinds,
  episodeOrigins,
  episodeStatuses,
  feedbackOccasions,
  outcomeResults,
  requesterKinds,
  requestStatuses,
  reviewDecisions,
  reviewVerdicts,
  scoredBy,
  scoreStages,
  sustainedResults,
} from "@teamaround/domain";
import { pgEnum } from "drizzle-orm/pg-core";

export const requesterKind = pgEnum("requester_kind", requesterKinds);
export const requestStatus = pgEnum("request_status", requestStatuses);
export const episodeOrigin = pgEnum("episode_origin", episodeOrigins);
export const episodeStatus = pgEnum("episode_status", episodeStatuses);
export const episodeEventKind = pgEnum("episode_event_kind", episodeEventKinds);
export const assessmentKind = pgEnum("assessment_kind", assessmentKinds);
export const assessmentStatus = pgEnum("assessment_status", assessmentStatuses);
export const assessmentSection = pgEnum("assessment_section", assessmentSections);
export const scoreStage = pgEnum("score_stage", scoreStages);
export const scoredByKind = pgEnum("scored_by", scoredBy);
export const reviewVerdict = pgEnum("review_verdict", reviewVerdicts);
export const reviewDecision = pgEnum("review_decision", reviewDecisions);
export const outcomeResult = pgEnum("outcome_result", outcomeResults);
export const feedbackOccasion = pgEnum("feedback_occasion", feedbackOccasions);
export const sustainedResult = pgEnum("sustained_result", sustainedResults);
