import { z } from "@hono/zod-openapi";
import {
  assessmentKinds,
  assessmentSections,
  assessmentStatuses,
  FamilyAbilitiesSchema,
  outcomeAreas,
  scoredBy,
  scoreStages,
} from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const AssessmentParams = z.object({
  familyId: uuidParam("familyId"),
  assessmentId: uuidParam("assessmentId"),
});

/** An empty body, for steps that need nothing but the caller. */
export const EmptyBody = z.object({}).strict();

/** Unnamed in the OpenAPI document: a named schema made nullable would make every use nullable. */
export const PersonRefSchema = z.object({ userId: z.uuid(), name: z.string() });

export const AssessmentSummarySchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  kind: z.enum(assessmentKinds),
  status: z.enum(assessmentStatuses),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const AssessmentListSchema = z.object({
  data: z.object({
    /** The unfinished assessment of the open episode, else its latest completed one. */
    current: AssessmentSummarySchema.nullable(),
    assessments: z.array(AssessmentSummarySchema),
    canStart: z.boolean(),
  }),
  abilities: FamilyAbilitiesSchema,
});

const EntryFields = {
  text: z.string(),
  /** 0 when never written: send 0 to write it for the first time. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: PersonRefSchema.nullable(),
};

export const ScoreSchema = z
  .object({
    id: z.uuid(),
    stage: z.enum(scoreStages),
    area: z.enum(outcomeAreas),
    memberId: z.uuid().nullable(),
    scoredBy: z.enum(scoredBy),
    score: z.number().int(),
    strengths: z.string().nullable(),
    needs: z.string().nullable(),
    note: z.string().nullable(),
    scoredOn: z.string(),
    recordedBy: PersonRefSchema,
    recordedAt: z.string(),
  })
  .openapi("NeedScore");

export const AssessmentSchema = AssessmentSummarySchema.extend({
  version: z.number().int(),
  signOffRequired: z.boolean(),
  startedBy: PersonRefSchema.nullable(),
  submittedBy: PersonRefSchema.nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: PersonRefSchema.nullable(),
  returnComments: z.string().nullable(),
  completedBy: PersonRefSchema.nullable(),
  sections: z.array(z.object({ section: z.enum(assessmentSections), ...EntryFields })),
  /** Each child's and parent's own words, only those the caller may read. */
  voices: z.array(
    z.object({
      section: z.enum(["child_voice", "parent_voice"]),
      memberId: z.uuid(),
      memberName: z.string(),
      ...EntryFields,
    }),
  ),
  contributors: z.array(PersonRefSchema.extend({ firstContributedAt: z.string() })),
  /** The standing score of each area, child and view (a re-score replaces the earlier one). */
  scores: z.array(ScoreSchema),
  /** What is still needed before it can be submitted or completed. */
  missing: z.array(z.string()),
  /** What the caller may do to this assessment now (policy and state together). */
  can: z.object({
    write: z.boolean(),
    score: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    complete: z.boolean(),
  }),
  children: z.array(z.object({ id: z.uuid(), name: z.string() })),
  scale: z.object({ low: z.string(), high: z.string() }),
}).openapi("Assessment");

export const AssessmentWithAbilities = z.object({
  data: AssessmentSchema,
  abilities: FamilyAbilitiesSchema,
});
