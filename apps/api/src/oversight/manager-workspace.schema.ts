import { z } from "@hono/zod-openapi";
import { caseAgeBands, driftKinds, signOffDecisions, signOffSubjects } from "@teamaround/domain";

const isoDayField = z.string().describe("YYYY-MM-DD");

export const CaseloadQuery = z.object({
  lead: z
    .union([z.uuid(), z.literal("none")])
    .optional()
    .describe("A lead professional's user id, or none for cases nobody leads"),
  levelOfNeed: z.coerce.number().int().min(1).max(10).optional(),
  status: z.enum(["assessment", "plan_in_place"]).optional(),
  locality: z.string().trim().min(1).max(120).optional(),
  age: z.enum(caseAgeBands).optional().describe("How long the case has been open"),
});

const CaseloadRowSchema = z
  .object({
    familyId: z.uuid(),
    familyName: z.string(),
    familyReference: z.string(),
    episodeId: z.uuid(),
    status: z.enum(["assessment", "plan_in_place"]),
    levelOfNeed: z.number().int(),
    locality: z.string().nullable(),
    openedOn: isoDayField,
    ageBand: z.enum(caseAgeBands),
    leadUserId: z.uuid().nullable(),
    leadName: z.string().nullable(),
  })
  .openapi("CaseloadRow");

const LeadCaseloadSchema = z
  .object({
    leadUserId: z.uuid().nullable().describe("Null: cases nobody leads"),
    leadName: z.string().nullable(),
    open: z.number().int(),
    beingAssessed: z.number().int(),
    planInPlace: z.number().int(),
  })
  .openapi("LeadCaseload");

export const CaseloadResponse = z.object({
  data: z.array(CaseloadRowSchema).describe("The open episodes matching the filters, oldest first"),
  perLead: z
    .array(LeadCaseloadSchema)
    .describe("Every open case of the service per lead professional (filters not applied)"),
  localities: z.array(z.string()).describe("The authority's localities, for the filter"),
  total: z.number().int().describe("Open cases of the service before filtering"),
});

const DriftItemSchema = z
  .object({
    kind: z.enum(driftKinds),
    label: z.string(),
    familyId: z.uuid().nullable().describe("Null for a request naming a family not yet known"),
    familyName: z.string(),
    familyReference: z.string().nullable(),
    subjectId: z.uuid(),
    what: z.string(),
    dueOn: isoDayField,
    daysLate: z.number().int(),
  })
  .openapi("DriftItem");

export const DriftQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe("1-based, 50 items a page"),
  kind: z.enum(driftKinds).optional().describe("Only items of this kind"),
});

const DriftKindCountSchema = z
  .object({ kind: z.enum(driftKinds), label: z.string(), count: z.number().int() })
  .openapi("DriftKindCount");

export const DriftResponse = z.object({
  data: z.array(DriftItemSchema).describe("This page of the queue, most late first"),
  today: isoDayField,
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe("Late items matching the filter, on every page"),
  counts: z
    .array(DriftKindCountSchema)
    .describe("Late items of every kind (the filter not applied), in the domain's order"),
});

/** One decision in a sign-off history (assessments, plans and closures alike). */
export const SignOffDecisionSchema = z
  .object({
    decision: z.enum(signOffDecisions),
    comments: z.string().nullable(),
    decidedByName: z.string(),
    decidedAt: z.string(),
  })
  .openapi("SignOffDecisionEntry");

const SignOffItemSchema = z
  .object({
    subject: z.enum(signOffSubjects).describe("An assessment, a plan or a closure"),
    subjectId: z
      .uuid()
      .describe("The assessment, plan submission or closure proposal waiting for a decision"),
    familyId: z.uuid(),
    familyName: z.string(),
    familyReference: z.string(),
    episodeId: z.uuid(),
    submittedAt: z.string().nullable().describe("When it was submitted (or proposed)"),
    submittedByName: z.string().nullable(),
    history: z
      .array(SignOffDecisionSchema)
      .describe(
        "Earlier decisions, oldest first: on this assessment, or on this episode's plan or closure",
      ),
  })
  .openapi("SignOffItem");

export const SignOffQueueResponse = z.object({
  data: z.array(SignOffItemSchema).describe("Waiting longest first"),
});
