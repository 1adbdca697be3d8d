import { z } from "@hono/zod-openapi";
import { auditGrades, caseAuditAreas, FamilyAbilitiesSchema } from "@teamaround/domain";
import { PersonRefSchema } from "../assessment/assessment.schema";
import { uuidParam } from "../http/openapi";

export const CaseAuditParams = z.object({
  familyId: uuidParam("familyId"),
  auditId: uuidParam("auditId"),
});

export const CaseAuditSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    episodeId: z.uuid(),
    auditedOn: z.string().describe("YYYY-MM-DD"),
    auditor: PersonRefSchema,
    practitioner: PersonRefSchema.nullable().describe("The lead whose work was audited"),
    grade: z.enum(auditGrades),
    areas: z.array(
      z.object({
        area: z.enum(caseAuditAreas),
        grade: z.enum(auditGrades),
        comment: z.string(),
      }),
    ),
    feedback: z.string(),
    fromSample: z.boolean().describe("Drawn in a quarterly random sample"),
    acknowledgedAt: z.string().nullable(),
    practitionerResponse: z.string().nullable(),
  })
  .openapi("CaseAudit");

export const CaseAuditResult = z.object({
  data: CaseAuditSchema,
  abilities: FamilyAbilitiesSchema,
});

export const CaseAuditList = z.object({
  data: z.array(CaseAuditSchema).describe("Newest first"),
  abilities: FamilyAbilitiesSchema,
});

export const MyCaseAuditSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    familyReference: z.string(),
    familyDisplayName: z.string(),
    auditedOn: z.string(),
    auditorName: z.string(),
    grade: z.enum(auditGrades),
  })
  .openapi("MyCaseAudit");

export const MyCaseAuditList = z.object({
  data: z
    .array(MyCaseAuditSchema)
    .describe("Audits of my cases to read and acknowledge, oldest first"),
});

export const AuditSampleSchema = z
  .object({
    id: z.uuid(),
    quarter: z.string(),
    drawnAt: z.string(),
    drawnBy: PersonRefSchema,
    families: z.array(
      z.object({
        familyId: z.uuid(),
        reference: z.string(),
        displayName: z.string(),
        audit: z
          .object({
            id: z.uuid(),
            grade: z.enum(auditGrades),
            auditedOn: z.string(),
            acknowledged: z.boolean(),
          })
          .nullable()
          .describe("The audit made of this family for the sample, if any"),
      }),
    ),
  })
  .openapi("AuditSample");

export const AuditSampleResult = z.object({ data: AuditSampleSchema });
export const AuditSampleList = z.object({
  data: z.array(AuditSampleSchema).describe("Newest quarter first"),
});
