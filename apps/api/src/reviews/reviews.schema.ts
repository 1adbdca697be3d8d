import { z } from "@hono/zod-openapi";
import {
  directions,
  FamilyAbilitiesSchema,
  outcomeAreas,
  reviewDecisions,
  reviewVerdicts,
  scoreStages,
} from "@teamaround/domain";
import { PersonRefSchema, ScoreSchema } from "../assessment/assessment.schema";
import { uuidParam } from "../http/openapi";

export const ReviewParams = z.object({
  familyId: uuidParam("familyId"),
  reviewId: uuidParam("reviewId"),
});

export const ReviewSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    meetingId: z.uuid(),
    reviewedOn: z.string(),
    verdict: z.enum(reviewVerdicts),
    decision: z.enum(reviewDecisions),
    nextReviewOn: z.string().nullable(),
    summary: z.string().nullable(),
    recordedBy: PersonRefSchema,
    recordedAt: z.string(),
    scores: z.array(ScoreSchema),
  })
  .openapi("Review");

export const ReviewWithAbilities = z.object({
  data: ReviewSchema,
  abilities: FamilyAbilitiesSchema,
});
export const ReviewListSchema = z.object({
  data: z.array(ReviewSchema),
  abilities: FamilyAbilitiesSchema,
});

export const DistanceQuery = z.object({
  episodeId: z
    .uuid()
    .optional()
    .openapi({ param: { name: "episodeId", in: "query" } }),
});

const Direction = z.enum(directions);

export const DistanceSchema = z
  .object({
    episodeId: z.uuid(),
    episodeNumber: z.number().int(),
    scale: z.object({ low: z.string(), high: z.string() }),
    direction: Direction,
    series: z.array(
      z.object({
        area: z.enum(outcomeAreas),
        memberId: z.uuid().nullable(),
        memberName: z.string().nullable(),
        points: z.array(
          z.object({
            stage: z.enum(scoreStages),
            scoredOn: z.string(),
            sourceId: z.uuid().nullable(),
            practitioners: z.number().int().nullable(),
            family: z.number().int().nullable(),
          }),
        ),
        direction: Direction,
        familyDirection: Direction,
      }),
    ),
    /** For a family member: the same in plain words. Null for staff. */
    plainWords: z.object({ overall: z.string(), areas: z.array(z.string()) }).nullable(),
  })
  .openapi("DistanceTravelled");

export const DistanceWithAbilities = z.object({
  data: DistanceSchema,
  abilities: FamilyAbilitiesSchema,
});
