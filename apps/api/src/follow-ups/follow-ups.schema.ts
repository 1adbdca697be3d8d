import { z } from "@hono/zod-openapi";
import { FamilyAbilitiesSchema, safeText, sustainedResults } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const FollowUpParams = z.object({
  familyId: uuidParam("familyId"),
  checkId: uuidParam("checkId"),
});

export const DueFollowUpSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    familyReference: z.string(),
    familyDisplayName: z.string(),
    monthsAfter: z.number().int().describe("3 or 6 months after the case closed"),
    dueOn: z.string().describe("YYYY-MM-DD"),
    closedAt: z.string().nullable().describe("When the episode closed"),
  })
  .openapi("DueFollowUp");

export const DueFollowUpList = z.object({
  data: z.array(DueFollowUpSchema).describe("Oldest due first"),
});

export const RecordFollowUpBody = z
  .strictObject({
    result: z.enum(sustainedResults).describe("Whether the change lasted"),
    note: safeText({ max: 2000 }).optional(),
  })
  .openapi("RecordFollowUp");

export const FollowUpSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    monthsAfter: z.number().int(),
    dueOn: z.string(),
    result: z.enum(sustainedResults).nullable(),
    note: z.string().nullable(),
    recordedAt: z.string().nullable(),
  })
  .openapi("FollowUp");

export const FollowUpResult = z.object({
  data: FollowUpSchema,
  abilities: FamilyAbilitiesSchema,
});
