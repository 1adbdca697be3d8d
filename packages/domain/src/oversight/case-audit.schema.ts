import { z } from "zod";
import { dateWindows, isoDateWithin } from "../shared/date.schema";
import { safeText } from "../shared/text.schema";
import { auditGrades, caseAuditAreas } from "./oversight-vocabulary";
import { quarterPattern } from "./quarters";

export const AUDIT_COMMENT_MAX = 4000;
export const AUDIT_FEEDBACK_MAX = 8000;

const AreaGradeInput = z
  .object({
    area: z.enum(caseAuditAreas),
    grade: z.enum(auditGrades),
    comment: safeText({ max: AUDIT_COMMENT_MAX }),
  })
  .strict();

/** A manager's audit of a case file: the overall grade, every area graded once, and feedback. */
export const CaseAuditInput = z
  .object({
    grade: z.enum(auditGrades),
    areas: z
      .array(AreaGradeInput)
      .max(caseAuditAreas.length)
      .refine(
        (areas) =>
          caseAuditAreas.every((area) => areas.filter((a) => a.area === area).length === 1),
        "grade every area once",
      ),
    feedback: safeText({ max: AUDIT_FEEDBACK_MAX }),
  })
  .strict();
export type CaseAuditInput = z.infer<typeof CaseAuditInput>;

/** The audited lead's acknowledgement, with an optional reply to the auditor. */
export const AcknowledgeAuditInput = z
  .object({ response: safeText({ max: AUDIT_COMMENT_MAX }).optional() })
  .strict();
export type AcknowledgeAuditInput = z.infer<typeof AcknowledgeAuditInput>;

export const AUDIT_SAMPLE_MAX = 50;

/** Draw a random sample of a quarter's cases; the quarter defaults to the current one. */
export const AuditSampleInput = z
  .object({
    quarter: z.string().regex(quarterPattern, "must be a quarter such as 2026-Q3").optional(),
    size: z.number().int().min(1).max(AUDIT_SAMPLE_MAX),
  })
  .strict();
export type AuditSampleInput = z.infer<typeof AuditSampleInput>;

export const SUPERVISION_TEXT_MAX = 8000;

/** A record of case supervision between a manager and the lead professional. */
export const SupervisionNoteInput = z
  .object({
    heldOn: isoDateWithin(dateWindows.recorded),
    discussion: safeText({ max: SUPERVISION_TEXT_MAX }),
    decisions: safeText({ max: SUPERVISION_TEXT_MAX }),
    nextOn: isoDateWithin(dateWindows.planDate).optional(),
  })
  .strict();
export type SupervisionNoteInput = z.infer<typeof SupervisionNoteInput>;
