import { z } from "@hono/zod-openapi";
import {
  actionStatuses,
  dateWindows,
  hasChanges,
  isoDateWithin,
  noChangesIssue,
  outcomeAreas,
  outcomeStatuses,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";
import { AudienceShownSchema, FamilyAudienceSchema } from "../shared/family-audience";

const planDate = isoDateWithin(dateWindows.planDate);

export const PlanQuery = z.object({
  episodeId: z
    .uuid()
    .optional()
    .describe("An earlier episode's plan; the current episode's when omitted")
    .openapi({ param: { name: "episodeId", in: "query" } }),
});

export const OutcomeParams = z.object({
  familyId: uuidParam("familyId"),
  outcomeId: uuidParam("outcomeId"),
});

export const ActionParams = z.object({
  familyId: uuidParam("familyId"),
  actionId: uuidParam("actionId"),
});

export const ActionOwnerSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("practitioner"),
      userId: z.uuid(),
      name: z.string(),
      agencyName: z.string().nullable(),
    }),
    z.object({ kind: z.literal("family_member"), memberId: z.uuid(), name: z.string() }),
  ])
  .openapi("ActionOwner");

export const ProgressNoteSchema = z
  .object({
    id: z.uuid(),
    note: z.string(),
    authorName: z.string(),
    at: z.string(),
    forTeamOnly: z
      .boolean()
      .describe("A family member's words for the team only: other family members never see them"),
  })
  .openapi("ProgressNote");

export const ActionSchema = z
  .object({
    id: z.uuid(),
    outcomeId: z.uuid(),
    text: z.string(),
    dueDate: z.string(),
    status: z.enum(actionStatuses),
    overdue: z.boolean().describe("Open and past its due date: drift"),
    completedAt: z.string().nullable(),
    completedByName: z.string().nullable().describe("Who marked it done; null for older records"),
    needsNewOwner: z
      .boolean()
      .describe("Open, and an owner has left the team (told only to staff in the team)"),
    ownersWhoLeft: z
      .array(z.uuid())
      .describe("User ids of owners no longer in the team (staff in the team only)"),
    version: z.number().int(),
    owners: z.array(ActionOwnerSchema),
    progress: z.array(ProgressNoteSchema).describe("Newest first"),
    canUpdate: z.boolean(),
    canAddProgress: z.boolean(),
    audience: AudienceShownSchema.describe("Who in the family can see it (with its outcome's)"),
  })
  .openapi("Action");

export const OutcomeSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid().describe("The episode the outcome was set in"),
    area: z.enum(outcomeAreas),
    title: z.string(),
    measure: z.string(),
    targetDate: z.string(),
    status: z.enum(outcomeStatuses),
    version: z.number().int(),
    audience: AudienceShownSchema.describe("Who in the family can see it and its actions"),
  })
  .openapi("Outcome");

export const PlanOutcomeSchema = OutcomeSchema.extend({ actions: z.array(ActionSchema) }).openapi(
  "PlanOutcome",
);

const title = safeLine({ max: 200 });
const measure = safeText({ max: 1000 }).describe("How everyone will know it is reached");
const actionText = safeText({ max: 1000 });

export const CreateOutcomeBody = z
  .strictObject({
    area: z.enum(outcomeAreas),
    title,
    measure,
    targetDate: planDate.describe("Today or later"),
    audience: FamilyAudienceSchema.optional().describe(
      "Who in the family can see it; the whole family when omitted",
    ),
  })
  .openapi("CreateOutcome");

export const UpdateOutcomeBody = z
  .strictObject({
    version: versionField,
    title: title.optional(),
    measure: measure.optional(),
    targetDate: planDate.optional().describe("Today or later"),
    status: z.enum(outcomeStatuses).optional(),
    audience: FamilyAudienceSchema.optional().describe(
      "Who in the family can see it and its actions",
    ),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateOutcome");

export const OwnerInput = z
  .union([z.strictObject({ userId: z.uuid() }), z.strictObject({ memberId: z.uuid() })])
  .describe("A practitioner in the team (userId) or a member of this family (memberId)");
export type OwnerInput = z.infer<typeof OwnerInput>;

const owners = z.array(OwnerInput).min(1).max(5);

export const CreateActionBody = z
  .strictObject({
    outcomeId: z.uuid(),
    text: actionText,
    dueDate: planDate.describe("Today or later"),
    owners,
    audience: FamilyAudienceSchema.optional().describe(
      "Who in the family can see it; the whole family when omitted",
    ),
  })
  .openapi("CreateAction");

export const UpdateActionBody = z
  .strictObject({
    version: versionField,
    text: actionText.optional(),
    dueDate: planDate.optional().describe("Today or later"),
    status: z.enum(actionStatuses).optional(),
    owners: owners.optional().describe("Replaces the owners as a set"),
    audience: FamilyAudienceSchema.optional().describe("Who in the family can see it"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateAction");
export type UpdateActionBody = z.infer<typeof UpdateActionBody>;

export const AddProgressBody = z
  .strictObject({
    note: safeText({ max: 2000 }),
    forTeamOnly: z
      .boolean()
      .default(false)
      .describe("A family member's words for the team only (hidden from the rest of the family)"),
  })
  .openapi("AddProgress");

export const MyActionSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    familyReference: z.string(),
    familyDisplayName: z.string(),
    outcomeId: z.uuid(),
    outcomeTitle: z.string(),
    text: z.string(),
    dueDate: z.string(),
    status: z.enum(actionStatuses),
    overdue: z.boolean(),
    version: z.number().int(),
    canUpdate: z.boolean(),
  })
  .openapi("MyAction");

export const MyActionsQuery = z.object({
  status: z.enum(["open", "done", "all"]).default("open"),
});
