import { z } from "@hono/zod-openapi";
import {
  FamilyAbilitiesSchema,
  informationKinds,
  lawfulBases,
  notToldReasons,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { dateTime, NamedSchema } from "../consent/consents.schema";
import { AudienceShownSchema, FamilyAudienceSchema } from "../shared/family-audience";

const BasisSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("consent"), consentId: z.uuid() }),
  z.object({
    kind: z.literal("lawful_basis"),
    lawfulBasisId: z.uuid(),
    basis: z.enum(lawfulBases),
  }),
]);

export const SharingRecordSchema = z
  .object({
    id: z.uuid(),
    informationKind: z.enum(informationKinds),
    summary: z.string(),
    sharedBy: z.object({ id: z.uuid(), name: z.string(), agency: NamedSchema.nullable() }),
    fromAgency: NamedSchema,
    toAgency: NamedSchema,
    toPerson: z.string().nullable(),
    purpose: z.string(),
    sharedAt: z.string(),
    basis: BasisSchema,
    familyTold: z.boolean(),
    notToldReason: z.enum(notToldReasons).nullable(),
    visibleToFamily: z.boolean(),
    audience: AudienceShownSchema.describe(
      "Who in the family can see it, when visible to the family",
    ),
    createdAt: z.string(),
  })
  .openapi("SharingRecord");

export const SharingList = z.object({
  data: z.array(SharingRecordSchema),
  abilities: FamilyAbilitiesSchema,
});
export const SharingWithAbilities = z.object({
  data: SharingRecordSchema,
  abilities: FamilyAbilitiesSchema,
});

export const RecordSharingBody = z
  .strictObject({
    informationKind: z.enum(informationKinds),
    summary: safeText({ max: 2000 }).describe("What was shared"),
    toAgencyId: z.uuid(),
    toPerson: safeLine({ max: 200 }).optional(),
    purpose: safeText({ max: 2000 }),
    sharedAt: dateTime.describe("Not in the future"),
    consentId: z.uuid().optional().describe("Exactly one of consentId and lawfulBasisId"),
    lawfulBasisId: z.uuid().optional(),
    familyTold: z.boolean(),
    notToldReason: z
      .enum(notToldReasons)
      .optional()
      .describe("Required when familyTold is false; absent when true"),
    visibleToFamily: z.boolean().optional().describe("Default: familyTold"),
    audience: FamilyAudienceSchema.optional().describe(
      "Who in the family can see it (when visible to the family); the whole family when omitted",
    ),
  })
  .openapi("RecordSharing");
export type RecordSharingInput = z.infer<typeof RecordSharingBody>;
