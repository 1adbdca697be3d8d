import { z } from "@hono/zod-openapi";
import { FamilyAbilitiesSchema, lawfulBases, notToldReasons, safeText } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";
import { dateTime, NamedSchema, TeamChangeSchema } from "./consents.schema";

export const LawfulBasisParams = z.object({
  familyId: uuidParam("familyId"),
  lawfulBasisId: uuidParam("lawfulBasisId"),
});

export const LawfulBasisSchema = z
  .object({
    id: z.uuid(),
    basis: z.enum(lawfulBases),
    state: z.enum(["active", "ended"]),
    agencies: z.array(NamedSchema),
    justification: z.string(),
    decidedAt: z.string(),
    decidedBy: NamedSchema,
    familyTold: z.boolean(),
    notToldReason: z.enum(notToldReasons).nullable(),
    endedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("LawfulBasis");

export const LawfulBasisList = z.object({
  data: z.array(LawfulBasisSchema),
  abilities: FamilyAbilitiesSchema,
});
export const LawfulBasisWithAbilities = z.object({
  data: LawfulBasisSchema,
  abilities: FamilyAbilitiesSchema,
});

export const RecordLawfulBasisBody = z
  .strictObject({
    basis: z.enum(lawfulBases),
    agencyIds: z.array(z.uuid()).min(1).max(50).describe("Active agencies of the authority"),
    justification: safeText({ min: 20, max: 4000 }),
    decidedAt: dateTime.describe("Not in the future"),
    familyTold: z.boolean(),
    notToldReason: z
      .enum(notToldReasons)
      .optional()
      .describe("Required when familyTold is false; absent when true"),
  })
  .openapi("RecordLawfulBasis");
export type RecordLawfulBasisInput = z.infer<typeof RecordLawfulBasisBody>;

export const EndLawfulBasisBody = z
  .strictObject({ reason: safeText({ max: 2000 }) })
  .openapi("EndLawfulBasis");

export const LawfulBasisEndResult = z.object({
  data: z.object({
    lawfulBasis: LawfulBasisSchema,
    reason: z.string(),
    removedTeamMembers: z.array(TeamChangeSchema),
    repointedTeamMembers: z.array(TeamChangeSchema),
  }),
  abilities: FamilyAbilitiesSchema,
});
