import { z } from "@hono/zod-openapi";
import { isoDateWithin, retentionRuleKinds, safeLine, safeText } from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";

export const RetentionParams = z.object({ familyId: uuidParam("familyId") });

const reason = safeText({ max: 1000 });

export const RetentionReviewSchema = z
  .object({
    familyId: z.uuid(),
    familyReference: z.string(),
    closedOn: z.string().nullable().describe("The last closure of the family's episodes"),
    dueOn: z.string().describe("The day the authority's rule made the record due for review"),
    rule: z.object({ kind: z.enum(retentionRuleKinds), years: z.number().int() }),
    ruleWords: z
      .string()
      .describe('The rule in plain words, e.g. "Until the youngest child is 25"'),
    extendedUntil: z.string().nullable(),
    extensionReason: z.string().nullable(),
    hold: z
      .object({ reason: z.string(), heldBy: z.string(), heldAt: z.string() })
      .nullable()
      .describe("A legal hold: nothing is erased while it stands"),
    version: z.number().int(),
  })
  .openapi("RetentionReview");

export const RetentionReviewList = z.object({ data: z.array(RetentionReviewSchema) });
export const OneRetentionReview = z.object({ data: RetentionReviewSchema });

export const ExtendRetentionBody = z
  .strictObject({
    until: isoDateWithin({ pastYears: 0, futureYears: 100 }).describe("Keep the record until"),
    reason,
    version: versionField,
  })
  .openapi("ExtendRetention");

export const HoldRetentionBody = z
  .strictObject({ reason, version: versionField })
  .openapi("HoldRetention");

export const LiftHoldBody = z.strictObject({ version: versionField }).openapi("LiftRetentionHold");

export const EraseFamilyBody = z
  .strictObject({
    confirmReference: safeLine({ max: 60 }).describe("The family reference, typed to confirm"),
    version: versionField,
  })
  .openapi("EraseFamily");

export const ErasureSchema = z
  .object({ familyReference: z.string(), erasedAt: z.string() })
  .openapi("Erasure");
