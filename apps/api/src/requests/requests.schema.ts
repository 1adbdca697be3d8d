import { z } from "@hono/zod-openapi";
import {
  dateWindows,
  isoDateWithin,
  requesterKinds,
  requestStatuses,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { localityField } from "../families/families.schema";
import { uuidParam, versionField } from "../http/openapi";

export const RequestParams = z.object({ requestId: uuidParam("requestId") });

export const RequestListQuery = z.object({
  view: z
    .enum(["incoming", "mine"])
    .default("incoming")
    .describe("incoming: asked of my service, awaiting triage first; mine: the ones I asked"),
});

const RequestedChildBody = z.strictObject({
  givenName: safeLine({ max: 100 }),
  familyName: safeLine({ max: 100 }),
  dateOfBirth: isoDateWithin(dateWindows.childBirth).optional(),
});

export const CreateHelpRequestBody = z
  .strictObject({
    receivingAgencyId: z.uuid().describe("The service asked to help"),
    familyId: z.uuid().optional().describe("A family already known (you must be able to see it)"),
    childMemberIds: z
      .array(z.uuid())
      .max(20)
      .optional()
      .describe("The children concerned, for a family already known"),
    familyName: safeLine({ max: 120 })
      .optional()
      .describe('A family not yet known, e.g. "The Ashdown family"'),
    children: z
      .array(RequestedChildBody)
      .max(20)
      .optional()
      .describe("The children concerned, for a family not yet known"),
    requesterKind: z.enum(requesterKinds),
    requesterName: safeLine({ max: 120 })
      .optional()
      .describe("Who asked: the family member, or (default) you"),
    requesterEmail: z
      .email()
      .toLowerCase()
      .max(320)
      .optional()
      .describe(
        "A family member who asked: where to tell them the outcome, in plain words (only when requesterKind is family)",
      ),
    requestedOn: isoDateWithin(dateWindows.recorded).describe(
      "When help was asked; not later than today",
    ),
    locality: localityField
      .optional()
      .describe(
        "Where the family lives: one of the authority's localities (GET /api/authority); left out when not known",
      ),
    worries: safeText({ max: 1000 }).describe("The worries, in a sentence or a short paragraph"),
    familyKnows: z.boolean(),
    familyAgrees: z.boolean(),
  })
  .superRefine((body, ctx) => {
    const known = body.familyId !== undefined;
    if (known && (body.familyName !== undefined || body.children !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["familyId"],
        message: "name a known family or a new one, not both",
      });
    }
    if (known && !body.childMemberIds?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["childMemberIds"],
        message: "name at least one child",
      });
    }
    if (!known && (body.familyName === undefined || !body.children?.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["familyName"],
        message: "a new family needs a name and at least one child",
      });
    }
    if (!known && body.childMemberIds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["childMemberIds"],
        message: "only for a known family",
      });
    }
    if (body.requesterKind === "family" && body.requesterName === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["requesterName"],
        message: "say who in the family asked",
      });
    }
    if (body.requesterEmail !== undefined && body.requesterKind !== "family") {
      ctx.addIssue({
        code: "custom",
        path: ["requesterEmail"],
        message: "only for a family member who asked; you are told at your account's address",
      });
    }
    if (body.familyAgrees && !body.familyKnows) {
      ctx.addIssue({
        code: "custom",
        path: ["familyKnows"],
        message: "a family that agrees knows",
      });
    }
  })
  .openapi("CreateHelpRequest");
export type CreateHelpRequestBody = z.infer<typeof CreateHelpRequestBody>;

export const TriageBody = z
  .discriminatedUnion("decision", [
    z.strictObject({
      decision: z.literal("accept"),
      leadUserId: z.uuid().describe("An active practitioner of the authority with an agency"),
      levelOfNeed: z.number().int().min(1).max(10).describe("One of the authority's levels"),
      locality: localityField
        .nullable()
        .optional()
        .describe(
          "Where the family lives, one of the authority's localities. A new family takes the request's locality when this is left out (422 when that one has been removed from the authority's list since: give a current one or null), and none when it is null; a known family keeps its own unless one is given",
        ),
      version: versionField,
    }),
    z.strictObject({
      decision: z.literal("signpost"),
      signpostedTo: safeLine({ max: 200 }).describe("The service the family was pointed to"),
      reason: safeText({ max: 1000 }),
      version: versionField,
    }),
    z.strictObject({
      decision: z.literal("not_accepted"),
      reason: safeText({ max: 1000 }),
      version: versionField,
    }),
  ])
  .openapi("TriageHelpRequest");
export type TriageBody = z.infer<typeof TriageBody>;

const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });

export const HelpRequestSchema = z
  .object({
    id: z.uuid(),
    receivingAgency: z.object({ id: z.uuid(), name: z.string() }),
    familyId: z.uuid().nullable().describe("The family, once known or accepted"),
    familyName: z.string(),
    children: z.array(
      z.object({
        givenName: z.string(),
        familyName: z.string(),
        dateOfBirth: z.string().nullable(),
        memberId: z.uuid().nullable(),
      }),
    ),
    requesterKind: z.enum(requesterKinds),
    requesterName: z.string(),
    requesterAgency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    askedBy: PersonRef,
    requestedOn: z.string(),
    locality: z
      .string()
      .nullable()
      .describe("The authority's locality the family lives in, as the asker gave it"),
    worries: z.string(),
    familyKnows: z.boolean(),
    familyAgrees: z.boolean(),
    status: z.enum(requestStatuses),
    signpostedTo: z.string().nullable(),
    triageReason: z.string().nullable(),
    triagedBy: PersonRef.nullable(),
    triagedAt: z.string().nullable(),
    allocatedLead: PersonRef.nullable(),
    episodeId: z.uuid().nullable(),
    reReferralOfEpisodeId: z
      .uuid()
      .nullable()
      .describe("Set when the family's last episode closed within 12 months of the request"),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("HelpRequest");

export const RequestAbilitiesSchema = z
  .object({ triage: z.boolean().describe("Whether I may decide this request now") })
  .openapi("HelpRequestAbilities");

export const HelpRequestWithAbilities = z.object({
  data: HelpRequestSchema,
  abilities: RequestAbilitiesSchema,
});

export const HelpRequestList = z.object({
  data: z.array(HelpRequestSchema.extend({ abilities: RequestAbilitiesSchema })),
});
