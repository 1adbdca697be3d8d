import { z } from "@hono/zod-openapi";
import {
  closureReasons,
  documentKinds,
  familyOrigins,
  familyStatuses,
  hasChanges,
  meetingKinds,
  noChangesIssue,
  relationships,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { versionField } from "../http/openapi";
import { NextMeetingDueSchema } from "../meetings/meetings.schema";

const levelOfNeed = z
  .number()
  .int()
  .min(1)
  .max(10)
  .describe("A level on the authority's own scale (GET /api/authority)");

/** One of the authority's localities (GET /api/authority). */
export const localityField = safeLine({ max: 80 }).describe(
  "One of the authority's localities (GET /api/authority)",
);

export const FamilySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    displayName: z.string(),
    levelOfNeed: z.number().int(),
    locality: z.string().nullable().describe("The authority's locality the family lives in"),
    status: z.enum(familyStatuses),
    origin: z.enum(familyOrigins),
    steppedDownAt: z.string().nullable(),
    closureReason: z.enum(closureReasons).nullable(),
    closureNote: z.string().nullable(),
    closedAt: z.string().nullable(),
    owningAgencyId: z.uuid(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Family");

export const FamilySummarySchema = FamilySchema.pick({
  id: true,
  reference: true,
  displayName: true,
  levelOfNeed: true,
  status: true,
}).extend({
  relationship: z.enum(relationships),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  actionsNeedingNewOwner: z
    .number()
    .int()
    .describe("Open actions whose owner has left the team (staff in the team; 0 for others)"),
  nextMeeting: z
    .object({
      id: z.uuid(),
      kind: z.enum(meetingKinds),
      scheduledFor: z.string(),
      state: z.enum(["scheduled", "live"]),
    })
    .nullable()
    .describe("The meeting under way, else the soonest one booked; null when none is"),
  meetingDue: NextMeetingDueSchema.nullable().describe(
    "When the next meeting falls due, as the family's meetings page says; null once closed",
  ),
});

export const CreateFamilyBody = z
  .strictObject({
    displayName: safeLine({ max: 120 }),
    levelOfNeed,
    locality: localityField.optional(),
    origin: z.enum(familyOrigins).default("early_help_request"),
  })
  .openapi("CreateFamily");

export const UpdateFamilyBody = z
  .strictObject({
    version: versionField,
    displayName: safeLine({ max: 120 }).optional(),
    levelOfNeed: levelOfNeed.optional(),
    locality: localityField.nullable().optional().describe("null: not recorded"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateFamily");

export const StepUpBody = z
  .strictObject({
    version: versionField,
    note: safeText({ max: 2000 }).describe("Why the case needs statutory social care"),
  })
  .openapi("StepUp");

export const StepDownBody = z
  .strictObject({
    version: versionField,
    levelOfNeed: levelOfNeed.describe(
      "The level the family steps down to, on the authority's scale",
    ),
    note: safeText({ max: 2000 }),
  })
  .openapi("StepDown");

const DocumentAccessSchema = z.enum(["read-write", "read-only", "none"]);

/** The live documents (DESIGN §4) the caller may open at `/yjs/<kind>:<familyId>`, and how. */
export const DocumentAccessesSchema = z
  .object(
    Object.fromEntries(documentKinds.map((kind) => [kind, DocumentAccessSchema])) as Record<
      (typeof documentKinds)[number],
      typeof DocumentAccessSchema
    >,
  )
  .openapi("DocumentAccesses");
