import { z } from "@hono/zod-openapi";
import {
  correctionRecordKinds,
  correctionRequestStatuses,
  FamilyAbilitiesSchema,
  safeText,
} from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const CorrectionRequestParams = z.object({
  familyId: uuidParam("familyId"),
  requestId: uuidParam("requestId"),
});

export const CorrectionRequestInput = z
  .object({
    whatIsWrong: safeText({ max: 2000 }).describe(
      "What the record gets wrong, in the member's words",
    ),
    shouldSay: safeText({ max: 5000 }).describe("What the member says it should say"),
  })
  .openapi("CorrectionRequestInput");

export const DeclineCorrectionRequestInput = z
  .object({
    reason: safeText({ max: 1000 }).describe(
      "Why the record stays as it is, for the family member",
    ),
  })
  .openapi("DeclineCorrectionRequestInput");

const Person = z.object({ id: z.uuid(), name: z.string() });

export const CorrectionRequestSchema = z
  .object({
    id: z.uuid(),
    recordKind: z.enum(correctionRecordKinds),
    recordId: z.uuid(),
    recordWords: z.string().describe('The record in words, e.g. "meeting record"'),
    whatIsWrong: z.string(),
    shouldSay: z.string(),
    status: z.enum(correctionRequestStatuses),
    requestedBy: Person,
    requestedAt: z.string(),
    decidedBy: Person.nullable(),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    correctionId: z.uuid().nullable(),
  })
  .openapi("CorrectionRequest");

export const CorrectionRequestResult = z.object({
  data: CorrectionRequestSchema,
  abilities: FamilyAbilitiesSchema,
});

export const CorrectionRequestList = z.object({
  data: z.array(CorrectionRequestSchema).describe("Waiting requests first, then newest first"),
  pending: z.number().int().describe("How many of those listed are waiting for a decision"),
  abilities: FamilyAbilitiesSchema,
});
