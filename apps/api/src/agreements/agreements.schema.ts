import { z } from "@hono/zod-openapi";
import {
  dateTimeWithin,
  dateWindows,
  FamilyAbilitiesSchema,
  isoDateWithin,
  safeText,
} from "@teamaround/domain";

export const AgreementSchema = z
  .object({
    id: z.uuid(),
    memberId: z.uuid(),
    memberName: z.string(),
    agreed: z.boolean().describe("false records that the family declined"),
    agreedAt: z.string(),
    note: z.string().nullable(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    createdAt: z.string(),
  })
  .openapi("Agreement");

export const AgreementList = z.object({
  data: z.array(AgreementSchema),
  abilities: FamilyAbilitiesSchema,
});
export const AgreementWithAbilities = z.object({
  data: AgreementSchema,
  abilities: FamilyAbilitiesSchema,
});

export const RecordAgreementBody = z
  .strictObject({
    memberId: z
      .uuid()
      .describe(
        "A parent with parental responsibility, or a young person judged competent or aged 16+",
      ),
    agreed: z.boolean(),
    agreedAt: z
      .union([isoDateWithin(dateWindows.recorded), dateTimeWithin(dateWindows.recorded)])
      .describe("When they agreed or declined: a date or a date-time, not in the future"),
    note: safeText({ max: 2000 }).optional(),
  })
  .openapi("RecordAgreement");
