/**
 * Closed vocabularies of the Early Help journey around the TAC meeting:
 * the request for help, episodes, the assessment, scores, reviews, closure
 * and what families said. Shared by the schema, the API and the web client.
 */

/** Who asked for help: a practitioner of an agency, or the family itself. */
export const requesterKinds = ["practitioner", "family"] as const;
export type RequesterKind = (typeof requesterKinds)[number];

/** A request waits for triage, then is accepted, signposted elsewhere, or not accepted. */
export const requestStatuses = [
  "awaiting_triage",
  "accepted",
  "signposted",
  "not_accepted",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How an Early Help episode began. */
export const episodeOrigins = ["request_for_help", "stepped_down"] as const;
export type EpisodeOrigin = (typeof episodeOrigins)[number];

/** Where an episode stands. Only the latest episode of a family may be open. */
export const episodeStatuses = ["assessment", "plan_in_place", "closed"] as const;
export type EpisodeStatus = (typeof episodeStatuses)[number];

/** Things that happen to an episode, kept as history and never overwritten. */
export const episodeEventKinds = [
  "opened",
  "assessment_completed",
  "level_of_need_changed",
  "stepped_up",
  "stepped_down",
  "closed",
] as const;
export type EpisodeEventKind = (typeof episodeEventKinds)[number];

/** First assessment of an episode, or a re-assessment the lead decided on. */
export const assessmentKinds = ["initial", "reassessment"] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

/** Draft → (submitted → returned | completed) when sign-off is required, else draft → completed. */
export const assessmentStatuses = ["draft", "submitted", "returned", "completed"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** The sections of the Early Help Assessment, in the order the form shows them. */
export const assessmentSections = [
  "family_story",
  "working_well",
  "worries",
  "child_voice",
  "parent_voice",
  "analysis",
  "next_steps",
] as const;
export type AssessmentSection = (typeof assessmentSections)[number];

/** Sections written once per person: each child's and each parent's or carer's own words. */
export const voiceSections = [
  "child_voice",
  "parent_voice",
] as const satisfies readonly AssessmentSection[];
export type VoiceSection = (typeof voiceSections)[number];

export function isVoiceSection(section: AssessmentSection): section is VoiceSection {
  return (voiceSections as readonly string[]).includes(section);
}

/** When a need area was scored. */
export const scoreStages = ["assessment", "review", "closure"] as const;
export type ScoreStage = (typeof scoreStages)[number];

/** Whose view a score is: the practitioners' (the team's) or the family's own. */
export const scoredBy = ["practitioners", "family"] as const;
export type ScoredBy = (typeof scoredBy)[number];

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

export const reviewVerdicts = ["positive_change", "no_change", "deterioration"] as const;
export type ReviewVerdict = (typeof reviewVerdicts)[number];

export const reviewDecisions = ["continue", "close", "step_up"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Whether an outcome of the plan was met when the episode closed. */
export const outcomeResults = ["met", "partly_met", "not_met"] as const;
export type OutcomeResult = (typeof outcomeResults)[number];

/** When the family was asked "How was it for you?". */
export const feedbackOccasions = ["review", "closure"] as const;
export type FeedbackOccasion = (typeof feedbackOccasions)[number];

/** The questions of "How was it for you?", each answered on the agreement scale. */
export const feedbackQuestions = ["respected", "listened_to", "helped", "would_recommend"] as const;
export type FeedbackQuestion = (typeof feedbackQuestions)[number];

/** 1 = not at all … 5 = completely; kept small so a child can answer it too. */
export const FEEDBACK_MIN = 1;
export const FEEDBACK_MAX = 5;

/** Follow-up after closure: was the change sustained? */
export const sustainedResults = ["sustained", "not_sustained", "not_known"] as const;
export type SustainedResult = (typeof sustainedResults)[number];

/** Months after closure at which the lead is asked whether the change lasted. */
export const followUpMonths = [3, 6] as const;
