import { z } from "@hono/zod-openapi";
import { FamilyAbilitiesSchema, feedbackOccasions, safeText } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const FeedbackParams = z.object({
  familyId: uuidParam("familyId"),
  invitationId: uuidParam("invitationId"),
});

export const FeedbackInvitationSchema = z
  .object({
    id: z.uuid(),
    occasion: z.enum(feedbackOccasions).describe("Offered after a review, or when the case closed"),
    offeredAt: z.string(),
  })
  .openapi("FeedbackInvitation");

export const OpenFeedbackList = z.object({
  data: z.array(FeedbackInvitationSchema).describe("Newest first"),
  abilities: FamilyAbilitiesSchema,
});

const score = z
  .number()
  .int()
  .min(1)
  .max(5)
  .describe("1 strongly disagree … 5 strongly agree (see feedbackScale in the domain)");

export const AnswerFeedbackBody = z
  .strictObject({
    respected: score.describe("I was treated with respect"),
    listenedTo: score.describe("People listened to me"),
    helped: score.describe("I was helped with what mattered to me"),
    wouldRecommend: score.describe("I would recommend this help to other families"),
    comment: safeText({ max: 2000 }).optional(),
    shareWithLead: z
      .boolean()
      .describe("Let the lead professional see these answers with my name; otherwise only counted"),
  })
  .openapi("AnswerFeedback");

const Averages = z.object({
  respected: z.number().nullable(),
  listenedTo: z.number().nullable(),
  helped: z.number().nullable(),
  wouldRecommend: z.number().nullable(),
});

export const FeedbackAnswerSchema = z
  .object({
    id: z.uuid(),
    invitationId: z.uuid(),
    answeredAt: z.string(),
  })
  .openapi("FeedbackAnswerReceipt");

export const SharedAnswerSchema = z
  .object({
    id: z.uuid(),
    memberName: z.string(),
    occasion: z.enum(feedbackOccasions),
    answeredAt: z.string(),
    respected: z.number().int(),
    listenedTo: z.number().int(),
    helped: z.number().int(),
    wouldRecommend: z.number().int(),
    comment: z.string().nullable(),
  })
  .openapi("SharedFeedbackAnswer");

export const FamilyFeedbackSchema = z
  .object({
    invitations: z.number().int().describe("How many times the family has been asked"),
    answers: z.number().int().describe("Answers received, shared or not"),
    averages: Averages.describe("Over every answer, to one decimal place; anonymous"),
    shared: z
      .array(SharedAnswerSchema)
      .describe("Only the answers whose family member chose to share them, newest first"),
  })
  .openapi("FamilyFeedback");

export const FamilyFeedbackResult = z.object({
  data: FamilyFeedbackSchema,
  abilities: FamilyAbilitiesSchema,
});
