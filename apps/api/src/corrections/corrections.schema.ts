import { z } from "@hono/zod-openapi";
import {
  correctionRecordKinds,
  FamilyAbilitiesSchema,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const CorrectionParams = z.object({
  familyId: uuidParam("familyId"),
  recordKind: z.enum(correctionRecordKinds).openapi({ param: { name: "recordKind", in: "path" } }),
  recordId: uuidParam("recordId"),
});

export const CorrectionInput = z
  .object({
    section: safeLine({ max: 200 }).describe('The field or section corrected, e.g. "Family story"'),
    correctedText: safeText({ max: 5000 }).describe("What the record should say"),
    reason: safeText({ max: 1000 }).describe("Why the record was wrong"),
  })
  .openapi("CorrectionInput");

export const CorrectionSchema = z
  .object({
    id: z.uuid(),
    recordKind: z.enum(correctionRecordKinds),
    recordId: z.uuid(),
    section: z.string(),
    correctedText: z.string(),
    reason: z.string(),
    correctedBy: z.object({ id: z.uuid(), name: z.string() }),
    correctedAt: z.string(),
    words: z
      .string()
      .describe('"Corrected on 30 November 2026 by Alex Smith: Family story — … Reason: …"'),
  })
  .openapi("Correction");

export const CorrectionResult = z.object({
  data: CorrectionSchema,
  abilities: FamilyAbilitiesSchema,
});
export const CorrectionList = z.object({
  data: z.array(CorrectionSchema).describe("Oldest first"),
  abilities: FamilyAbilitiesSchema,
});
