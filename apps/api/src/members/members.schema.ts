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
  safeText,
} from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";

export const MemberParams = z.object({
  familyId: uuidParam("familyId"),
  memberId: uuidParam("memberId"),
});

const MemberDetailsSchema = z.object({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  communicationNeeds: z.string().nullable(),
  gpPractice: z.string().nullable(),
  youngCarer: z.boolean(),
});

const EqualitySchema = z
  .object({
    ethnicity: z.string().nullable(),
    religion: z.string().nullable(),
    disabilityOrSen: z.string().nullable(),
  })
  .openapi("MemberEquality");

export const MemberSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(memberKinds),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().nullable().describe("YYYY-MM-DD"),
    school: z.string().nullable().describe("School, college or setting attended"),
    needs: z.array(z.enum(outcomeAreas)).describe("Needs, as outcome areas"),
    relationship: z.string().nullable(),
    parentalResponsibility: z.boolean(),
    judgedCompetent: z.boolean(),
    canGiveConsent: z
      .boolean()
      .describe(
        "May give consent: a parent with parental responsibility, or a young person 16+ or judged competent",
      ),
    ...MemberDetailsSchema.shape,
    equality: EqualitySchema.nullable().describe(
      "Only for staff in the team, the family's service managers, and the person themselves; null for anyone else",
    ),
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
const contactDetails = {
  address: safeText({ max: 500 }).describe("Postal address, lines separated by new lines"),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9(][0-9 ()-]{5,22}[0-9]$/,
      "must be a phone number: digits, spaces, brackets, dashes",
    )
    .describe('e.g. "07700 900123" or "+44 20 7946 0000"'),
  email: z.email({ message: "must be an email address" }).max(254),
  preferredLanguage: safeLine({ max: 60 }),
  interpreterNeeded: z.boolean(),
  communicationNeeds: safeText({ max: 1000 }).describe("e.g. British Sign Language, easy read"),
  gpPractice: safeLine({ max: 200 }),
  youngCarer: z.boolean(),
  ethnicity: safeLine({ max: 100 }).describe("Equality field: optional, self-described"),
  religion: safeLine({ max: 100 }).describe("Equality field: optional, self-described"),
  disabilityOrSen: safeText({ max: 500 }).describe(
    "Equality field: disability or special educational needs, optional",
  ),
};
type DetailKey = keyof typeof contactDetails;
const textDetails = [
  "address",
  "phone",
  "email",
  "preferredLanguage",
  "communicationNeeds",
  "gpPractice",
  "ethnicity",
  "religion",
  "disabilityOrSen",
] as const satisfies DetailKey[];
/** The details when adding a member: each optional. */
const newDetails = Object.fromEntries(
  Object.entries(contactDetails).map(([k, v]) => [k, v.optional()]),
) as { [K in DetailKey]: z.ZodOptional<(typeof contactDetails)[K]> };
/** The details when changing a member: text may be cleared with null. */
const changedDetails = {
  ...newDetails,
  ...(Object.fromEntries(textDetails.map((k) => [k, contactDetails[k].nullable().optional()])) as {
    [K in (typeof textDetails)[number]]: z.ZodOptional<z.ZodNullable<(typeof contactDetails)[K]>>;
  }),
};
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
  ...newDetails,
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
  school: school.optional().describe("School, college or setting, if they attend one"),
  needs: needs.optional(),
  ...newDetails,
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
    school: school.nullable().optional(),
    needs: needs.optional(),
    relationship: relationship.optional().describe("Adults only"),
    parentalResponsibility: z.boolean().optional().describe("Adults only"),
    judgedCompetent: z.boolean().optional().describe("Children only"),
    ...changedDetails,
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
