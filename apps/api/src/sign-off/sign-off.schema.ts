import { z } from "@hono/zod-openapi";
import {
  closureReasons,
  FamilyAbilitiesSchema,
  outcomeAreas,
  outcomeResults,
  outcomeStatuses,
  scoredBy,
  signOffStates,
} from "@teamaround/domain";
import { CloseEpisodeBody } from "../episodes/episodes.schema";
import { uuidParam } from "../http/openapi";
import { SignOffDecisionSchema } from "../oversight/manager-workspace.schema";

export const ClosureProposalParams = z.object({
  familyId: uuidParam("familyId"),
  proposalId: uuidParam("proposalId"),
});

export const PlanSignOffParams = z.object({
  familyId: uuidParam("familyId"),
  signOffId: uuidParam("signOffId"),
});

const { reason, summary, scores, outcomeResults: results } = CloseEpisodeBody.shape;

/** What closing would record, proposed for a manager's sign-off (as closing, without the family's version). */
export const ProposeClosureBody = z
  .strictObject({ reason, summary, scores, outcomeResults: results })
  .openapi("ProposeClosure");
export type ProposeClosureBody = z.infer<typeof ProposeClosureBody>;

const PersonRef = z.object({ userId: z.uuid(), name: z.string() });

/** Where a proposal or submission stands, and the manager's last word on it. */
/** Unnamed in the OpenAPI document: a named schema made nullable would make every use nullable. */
const StandingFields = {
  id: z.uuid(),
  episodeId: z.uuid(),
  status: z.enum(signOffStates),
  decidedAt: z.string().nullable(),
  decidedBy: PersonRef.nullable(),
  returnComments: z.string().nullable().describe("What the manager asked to change, when returned"),
};

export const ClosureProposalSchema = z.object({
  ...StandingFields,
  reason: z.enum(closureReasons),
  summary: z.string(),
  scores: z.array(
    z.object({
      area: z.enum(outcomeAreas),
      memberId: z.uuid().nullable(),
      scoredBy: z.enum(scoredBy),
      score: z.number().int(),
    }),
  ),
  outcomeResults: z.array(
    z.object({ outcomeId: z.uuid(), title: z.string(), result: z.enum(outcomeResults) }),
  ),
  proposedAt: z.string(),
  proposedBy: PersonRef,
});

const HistoryEntrySchema = SignOffDecisionSchema;

export const ClosureSignOffResponse = z.object({
  data: z
    .object({
      signOffRequired: z.boolean().describe("The authority asks for a manager's sign-off"),
      current: ClosureProposalSchema.nullable().describe(
        "The latest episode's latest closure proposal; null when none was made",
      ),
      history: z
        .array(HistoryEntrySchema)
        .describe("Every decision on this episode's closure (and each withdrawal), oldest first"),
      can: z.object({
        close: z.boolean(),
        propose: z.boolean(),
        approve: z.boolean(),
        return: z.boolean(),
        withdraw: z.boolean().describe("Take back the proposal that waits (its lead)"),
      }),
    })
    .openapi("ClosureSignOff"),
  abilities: FamilyAbilitiesSchema,
});

const SignedOffPlanSchema = z.object({
  sections: z.record(z.string(), z.string()).describe("The plan document's sections as text"),
  outcomes: z.array(
    z.object({
      id: z.uuid(),
      area: z.enum(outcomeAreas),
      title: z.string(),
      measure: z.string(),
      targetDate: z.string(),
      status: z.enum(outcomeStatuses),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      outcomeId: z.uuid(),
      text: z.string(),
      dueDate: z.string(),
      owners: z.array(z.string()).describe("Owners' names"),
    }),
  ),
});

export const PlanSignOffSchema = z.object({
  ...StandingFields,
  submittedAt: z.string(),
  submittedBy: PersonRef,
  plan: SignedOffPlanSchema.describe("The plan as submitted"),
  changedSince: z
    .boolean()
    .describe("The plan now says something else than when it was submitted (progress aside)"),
});

export const PlanSignOffResponse = z.object({
  data: z
    .object({
      signOffRequired: z.boolean().describe("The authority asks for a manager's sign-off of plans"),
      current: PlanSignOffSchema.nullable().describe(
        "The latest episode's latest submission; null when the plan was never submitted",
      ),
      lastApproved: z
        .object({ id: z.uuid(), decidedAt: z.string(), changedSince: z.boolean() })
        .nullable()
        .describe("The latest approved submission, and whether the plan changed since"),
      history: z
        .array(HistoryEntrySchema)
        .describe("Every decision on this episode's plan, oldest first"),
      can: z.object({ submit: z.boolean(), approve: z.boolean(), return: z.boolean() }),
    })
    .openapi("PlanSignOffState"),
  abilities: FamilyAbilitiesSchema,
});
