import { z } from "zod";
import { dateWindows, isoDateWithin } from "../shared/date.schema";
import { versionSchema } from "../shared/number.schema";
import { safeText } from "../shared/text.schema";
import { assessmentSections, reviewDecisions, reviewVerdicts } from "./journey-vocabulary";
import { ScoreSetInput } from "./score.schema";

/** The longest section the form accepts: several pages of writing. */
export const ASSESSMENT_TEXT_MAX = 20_000;

/**
 * One section written (or re-written). `memberId` names the child or parent
 * for the voice sections and is absent otherwise; `version` is the entry's
 * version as read, or 0 when it has never been written.
 */
export const AssessmentEntryInput = z
  .object({
    section: z.enum(assessmentSections),
    memberId: z.uuid().optional(),
    text: safeText({ min: 0, max: ASSESSMENT_TEXT_MAX }),
    version: z.union([z.literal(0), versionSchema]),
  })
  .strict();
export type AssessmentEntryInput = z.infer<typeof AssessmentEntryInput>;

/** Scores for an assessment: at least one, and the date they were given. */
export const AssessmentScoresInput = z
  .object({
    scores: ScoreSetInput.refine((s) => s.length > 0, "give at least one score"),
    /** Defaults to today; never in the future. */
    scoredOn: isoDateWithin(dateWindows.recorded).optional(),
  })
  .strict();
export type AssessmentScoresInput = z.infer<typeof AssessmentScoresInput>;

/** A manager sends the assessment back with what needs to change. */
export const ReturnAssessmentInput = z.object({ comments: safeText({ max: 4000 }) }).strict();
export type ReturnAssessmentInput = z.infer<typeof ReturnAssessmentInput>;

/**
 * What a review meeting concluded. Scores are required: a verdict on the
 * family's progress rests on the need areas scored again.
 */
export const ReviewInput = z
  .object({
    scores: ScoreSetInput.refine((s) => s.length > 0, "score at least one need area"),
    verdict: z.enum(reviewVerdicts),
    decision: z.enum(reviewDecisions),
    /** Only when the decision is to continue; defaults from the authority's cadence. */
    nextReviewOn: isoDateWithin(dateWindows.planDate).nullable().optional(),
    summary: safeText({ max: 4000 }).optional(),
  })
  .strict();
export type ReviewInput = z.infer<typeof ReviewInput>;
