import { z } from "zod";
import { safeText } from "../shared/text.schema";
import { outcomeAreas } from "../shared/vocabulary";
import { SCORE_MAX, SCORE_MIN, scoredBy } from "./journey-vocabulary";

/**
 * One need area scored 0–10, as sent at assessment, at a review or at
 * closure. `memberId` names the child when the area is about one child;
 * omitted, the score is about the whole family. `scoredBy: "family"` is the
 * family's own view, recorded beside the practitioners'.
 */
export const ScoreInput = z
  .object({
    area: z.enum(outcomeAreas),
    memberId: z.uuid().optional(),
    scoredBy: z.enum(scoredBy).default("practitioners"),
    score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
    strengths: safeText({ max: 2000 }).optional(),
    needs: safeText({ max: 2000 }).optional(),
    note: safeText({ max: 1000 }).optional(),
  })
  .strict();
export type ScoreInput = z.infer<typeof ScoreInput>;

/** A set of scores: each (area, child, whose view) at most once. */
export const ScoreSetInput = z
  .array(ScoreInput)
  .max(100)
  .superRefine((scores, ctx) => {
    const seen = new Set<string>();
    scores.forEach((s, index) => {
      const key = `${s.area}|${s.memberId ?? "family"}|${s.scoredBy}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: "the same area, child and view is scored twice",
        });
      }
      seen.add(key);
    });
  });
