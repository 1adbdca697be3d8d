import { z } from "@hono/zod-openapi";
import {
  dateWindows,
  FamilyAbilitiesSchema,
  hasChanges,
  isoDateWithin,
  memberKinds,
  noChangesIssue,
  outcomeAreas,
  safeLine,
} from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";

export const MemberParams = z.object({
  familyId: uuidParam("familyId"),
  memberId: uuidParam("memberId"),
});

export const MemberSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(memberKinds),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().nullable().describe("YYYY-MM-DD"),
    school: z.string().nullable(),
    needs: z.array(z.enum(outcomeAreas)).describe("Needs, as outcome areas"),
    relationship: z.string().nullable(),
    parentalResponsibility: z.boolean(),
    judgedCompetent: z.boolean(),
    hasPortalAccount: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("FamilyMember");

export const MemberWithAbilities = z.object({
  data: MemberSchema,
  abilities: FamilyAbilitiesSchema,
});
export const MemberList = z.object({
  data: z.array(MemberSchema),
  abilities: FamilyAbilitiesSchema,
});

const name = safeLine({ max: 100 });
const school = safeLine({ max: 200 });
const childBirth = isoDateWithin(dateWindows.childBirth);
const adultBirth = isoDateWithin(dateWindows.adultBirth);
const needs = z
  .array(z.enum(outcomeAreas))
  .max(outcomeAreas.length)
  .refine((list) => new Set(list).size === list.length, "each need may be listed once")
  .describe("Needs, from the outcome-area vocabulary");
const relationship = safeLine({ max: 60 }).describe(
  'Relationship to the children, e.g. "mother", "grandfather"',
);

const ChildBody = z.strictObject({
  kind: z.literal("child"),
  givenName: name,
  familyName: name,
  dateOfBirth: childBirth.describe("Required for a child; not in the future, at most 25 years ago"),
  school: school.optional(),
  needs: needs.optional(),
  judgedCompetent: z
    .boolean()
    .optional()
    .describe("A young person judged competent to decide for themselves"),
});

const AdultBody = z.strictObject({
  kind: z.literal("adult"),
  givenName: name,
  familyName: name,
  relationship,
  dateOfBirth: adultBirth.optional(),
  parentalResponsibility: z.boolean().optional(),
  needs: needs.optional(),
});

export const CreateMemberBody = z
  .discriminatedUnion("kind", [ChildBody, AdultBody])
  .openapi("CreateFamilyMember");
export type CreateMemberInput = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = z
  .strictObject({
    version: versionField,
    givenName: name.optional(),
    familyName: name.optional(),
    dateOfBirth: adultBirth
      .nullable()
      .optional()
      .describe("A child's may not be removed, nor be more than 25 years ago"),
    school: school.nullable().optional().describe("Children only"),
    needs: needs.optional(),
    relationship: relationship.optional().describe("Adults only"),
    parentalResponsibility: z.boolean().optional().describe("Adults only"),
    judgedCompetent: z.boolean().optional().describe("Children only"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateFamilyMember");
export type UpdateMemberInput = Omit<z.infer<typeof UpdateMemberBody>, "version">;

export const InvitationBody = z
  .strictObject({
    email: z
      .email({ message: "must be an email address" })
      .max(254)
      .transform((e) => e.trim().toLowerCase()),
  })
  .openapi("FamilyPortalInvitation");

export const InvitationResult = z.object({
  data: z.object({
    userId: z.uuid(),
    expiresAt: z.string(),
    setPasswordUrl: z
      .string()
      .optional()
      .describe("Only outside production, where no email is sent yet"),
  }),
  abilities: FamilyAbilitiesSchema,
});
