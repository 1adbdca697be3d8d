import { z } from "@hono/zod-openapi";
import {
  agencyTypes,
  closureReasons,
  episodeEventKinds,
  episodeOrigins,
  episodeStatuses,
  FamilyAbilitiesSchema,
  outcomeResults,
  requesterKinds,
  ScoreSetInput,
  safeText,
} from "@teamaround/domain";
import { versionField } from "../http/openapi";

const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });

export const EpisodeEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(episodeEventKinds),
  at: z.string(),
  by: PersonRef.nullable(),
  levelOfNeed: z.number().int().nullable(),
  note: z.string().nullable().describe("Staff only; null for the family"),
});

export const EpisodeSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    origin: z.enum(episodeOrigins),
    status: z.enum(episodeStatuses),
    openedAt: z.string(),
    planInPlaceAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: PersonRef.nullable(),
    closureReason: z.enum(closureReasons).nullable(),
    closureSummary: z.string().nullable().describe("Staff only; null for the family"),
    request: z
      .object({
        id: z.uuid(),
        requestedOn: z.string(),
        requesterKind: z.enum(requesterKinds),
        requesterName: z.string(),
      })
      .nullable()
      .describe("The request for help it opened from (staff only)"),
    askedBy: z
      .enum(["family", ...agencyTypes])
      .nullable()
      .describe(
        "Who asked for help, in general terms: the family itself or the kind of service (the family sees it too); null without a request",
      ),
    reReferralOfEpisodeId: z
      .uuid()
      .nullable()
      .describe(
        "The earlier episode this one re-refers, when it closed within 12 months (staff only)",
      ),
    outcomeResults: z.array(
      z.object({ outcomeId: z.uuid(), title: z.string(), result: z.enum(outcomeResults) }),
    ),
    events: z.array(EpisodeEventSchema),
  })
  .openapi("Episode");

export const EpisodeList = z.object({
  data: z.array(EpisodeSchema),
  abilities: FamilyAbilitiesSchema,
});

const OutcomeResultInput = z.strictObject({
  outcomeId: z.uuid(),
  result: z.enum(outcomeResults),
});

export const CloseEpisodeBody = z
  .strictObject({
    version: versionField,
    reason: z.enum(closureReasons).exclude(["stepped_up"]),
    summary: safeText({ max: 2000 }).describe(
      "What changed for the family, and why the case closes",
    ),
    scores: ScoreSetInput.default([]).describe("The closing score of each need area, 0–10"),
    outcomeResults: z
      .array(OutcomeResultInput)
      .max(100)
      .default([])
      .refine(
        (list) => new Set(list.map((r) => r.outcomeId)).size === list.length,
        "each outcome may be listed once",
      )
      .describe("Whether each active outcome of the plan was met; every active outcome is needed"),
  })
  .openapi("CloseFamily");
export type CloseEpisodeBody = z.infer<typeof CloseEpisodeBody>;
