import { z } from "@hono/zod-openapi";
import {
  consentMethods,
  dateTimeWithin,
  dateWindows,
  FamilyAbilitiesSchema,
  informationKinds,
  isoDateWithin,
  safeText,
} from "@teamaround/domain";
import { uuidParam } from "../http/openapi";
import { consentStates } from "./consent-state";

export const ConsentParams = z.object({
  familyId: uuidParam("familyId"),
  consentId: uuidParam("consentId"),
});

export const NamedSchema = z.object({ id: z.uuid(), name: z.string() });

/** When something happened: a date and time with its offset, e.g. 2026-03-01T10:00:00Z. */
export const dateTime = dateTimeWithin(dateWindows.recorded);

export const withdrawalNoticeStatuses = [
  "sent",
  "waiting",
  "failed",
  "no_address",
  "not_emailed",
] as const;

const WithdrawalNoticeSchema = z
  .object({
    agency: NamedSchema,
    status: z
      .enum(withdrawalNoticeStatuses)
      .describe(
        "sent: emailed to the agency's contact address (sentAt); waiting: in the outbox, being sent or retried; failed: could not be sent, tell them another way; no_address: the agency has no contact address; not_emailed: recorded before withdrawals were emailed",
      ),
    sentAt: z.string().nullable().describe("When the notice was sent, once it was"),
    recordedAt: z.string().describe("When the withdrawal named this agency to be told"),
  })
  .openapi("ConsentWithdrawalNotice");

export const ConsentSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(consentStates),
    decision: z.enum(["given", "refused"]).describe("What was decided when it was obtained"),
    givenBy: NamedSchema.describe("The family member who gave or refused it"),
    covers: z.array(NamedSchema).describe("The family members whose information it covers"),
    agencies: z.array(NamedSchema),
    informationKinds: z.array(z.enum(informationKinds)),
    withheld: z.string().nullable().describe("What the family asked not to be shared"),
    method: z.enum(consentMethods),
    obtainedAt: z.string(),
    obtainedBy: NamedSchema,
    reviewDate: z.string().nullable(),
    withdrawal: z
      .object({ withdrawnAt: z.string(), withdrawnBy: NamedSchema, reason: z.string() })
      .nullable(),
    withdrawalNotices: z.array(WithdrawalNoticeSchema),
    canWithdraw: z.boolean().describe("Whether the caller may withdraw it now"),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("Consent");

export const ConsentList = z.object({
  data: z.array(ConsentSchema),
  abilities: FamilyAbilitiesSchema,
});
export const ConsentWithAbilities = z.object({
  data: ConsentSchema,
  abilities: FamilyAbilitiesSchema,
});

const uuidList = (min: number) => z.array(z.uuid()).min(min).max(50);

export const RecordConsentBody = z
  .strictObject({
    givenByMemberId: z.uuid().describe("A parent with parental responsibility, or a young person"),
    decision: z.enum(["given", "refused"]),
    coversMemberIds: uuidList(1).describe("The giver and/or the family's children"),
    agencyIds: uuidList(1).describe("Active agencies of the family's authority"),
    informationKinds: z.array(z.enum(informationKinds)).min(1).max(informationKinds.length),
    withheld: safeText({ max: 2000 }).optional(),
    method: z.enum(consentMethods).describe("A family member recording their own uses online"),
    obtainedAt: dateTime.describe("Not in the future"),
    reviewDate: isoDateWithin(dateWindows.planDate)
      .optional()
      .describe("Today or later; default a year after obtainedAt"),
  })
  .openapi("RecordConsent");
export type RecordConsentInput = z.infer<typeof RecordConsentBody>;

export const WithdrawConsentBody = z
  .strictObject({
    reason: safeText({ max: 2000 }),
    withdrawnAt: dateTime.optional().describe("Default now; not in the future"),
  })
  .openapi("WithdrawConsent");

export const TeamChangeSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  agency: NamedSchema.nullable(),
});

export const ConsentWithdrawalResult = z.object({
  data: z.object({
    consent: ConsentSchema,
    removedTeamMembers: z.array(TeamChangeSchema).describe("Left the team: no other basis"),
    repointedTeamMembers: z
      .array(TeamChangeSchema)
      .describe("Stayed: their agency is covered by another consent or lawful basis"),
    agenciesToTell: z
      .array(NamedSchema)
      .describe(
        "Agencies that received information under it; the consent's withdrawalNotices say whether each was told",
      ),
  }),
  abilities: FamilyAbilitiesSchema,
});
