import { z } from "@hono/zod-openapi";
import type { localAuthorities } from "@teamaround/db";
import {
  hasChanges,
  noChangesIssue,
  type RetentionRuleKind,
  retentionRuleKinds,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { versionField } from "../http/openapi";

const weeks = z.number().int().min(1).max(52);
/** Authorities use their own scales: four levels is common, five or six are not rare. */
export const maxLevelsOfNeed = 10;
const scoreEndLabel = safeLine({ max: 40 });
export const maxLocalities = 50;
const workingDays = (max: number) => z.number().int().min(1).max(max);

export const LevelOfNeedSchema = z.object({
  level: z.number().int().min(1).max(maxLevelsOfNeed),
  label: safeLine({ max: 60 }),
  description: safeText({ min: 0, max: 300 }),
});

export const AuthoritySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int().describe("Send it back when changing the settings"),
    levelsOfNeed: z.array(LevelOfNeedSchema),
    reviewMinWeeks: z.number().int(),
    reviewMaxWeeks: z.number().int(),
    leadProfessionalTitle: z.string(),
    requireStaffTotp: z.boolean(),
    assessmentSignOffRequired: z
      .boolean()
      .describe("Completing an Early Help Assessment needs a manager's sign-off"),
    closureSignOffRequired: z
      .boolean()
      .describe("Closing an episode needs a manager's sign-off: the lead proposes the closure"),
    planSignOffRequired: z.boolean().describe("The lead submits the plan for a manager's sign-off"),
    firstTacWorkingDays: z
      .number()
      .int()
      .describe("The first TAC meeting is due this many working days after the assessment"),
    scoreLowLabel: z.string().describe("What a need score of 0 is called here"),
    scoreHighLabel: z.string().describe("What a need score of 10 is called here"),
    triageTargetWorkingDays: z
      .number()
      .int()
      .describe("A request for help is triaged within this many working days"),
    assessmentTargetWorkingDays: z
      .number()
      .int()
      .describe("An assessment is completed within this many working days of the case opening"),
    actionOverdueDays: z
      .number()
      .int()
      .describe("An action this many days past its due date shows as drift"),
    localities: z.array(z.string()).describe("The authority's localities (area teams)"),
    noticeFamilyNames: z
      .boolean()
      .describe("Emails about a person's actions may name the family (otherwise a link only)"),
    retentionRuleKind: z
      .enum(retentionRuleKinds)
      .describe(
        "How long a closed family's record is kept before review: until the youngest child is `retentionYears` old, or `retentionYears` after the last closure",
      ),
    retentionYears: z.number().int(),
  })
  .openapi("Authority");

export const UpdateAuthorityBody = z
  .strictObject({
    version: versionField.describe("The version you read; another change since answers 409"),
    levelsOfNeed: z.array(LevelOfNeedSchema.strict()).min(1).max(maxLevelsOfNeed).optional(),
    reviewMinWeeks: weeks.optional().describe("Earliest a review falls due, in weeks (1–52)"),
    reviewMaxWeeks: weeks.optional().describe("Latest a review may be, in weeks (1–52)"),
    leadProfessionalTitle: safeLine({ max: 80 }).optional(),
    requireStaffTotp: z.boolean().optional(),
    assessmentSignOffRequired: z.boolean().optional(),
    closureSignOffRequired: z.boolean().optional(),
    planSignOffRequired: z.boolean().optional(),
    firstTacWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe("Working days from the assessment to the first TAC meeting (1–60)"),
    scoreLowLabel: scoreEndLabel
      .optional()
      .describe('The 0 end of the need score, e.g. "Very worried"'),
    scoreHighLabel: scoreEndLabel
      .optional()
      .describe('The 10 end of the need score, e.g. "All well"'),
    triageTargetWorkingDays: workingDays(60)
      .optional()
      .describe("Working days to triage a request for help (1–60)"),
    assessmentTargetWorkingDays: workingDays(120)
      .optional()
      .describe("Working days to complete an assessment from the case opening (1–120)"),
    actionOverdueDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .optional()
      .describe("Days past its due date before an action shows as drift (0–365)"),
    localities: z
      .array(safeLine({ max: 80 }))
      .max(maxLocalities)
      .optional()
      .describe("The authority's localities (area teams), each named once"),
    noticeFamilyNames: z
      .boolean()
      .optional()
      .describe("Emails about a person's actions may name the family (default off)"),
    retentionRuleKind: z
      .enum(retentionRuleKinds)
      .optional()
      .describe("youngest_child_age or years_after_closure"),
    retentionYears: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe("The age of the youngest child, or the years after closure (1–100)"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateAuthority");

type AuthorityRow = typeof localAuthorities.$inferSelect;

export function presentAuthority(row: AuthorityRow): z.infer<typeof AuthoritySchema> {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    levelsOfNeed: [...row.levelsOfNeed].sort((a, b) => a.level - b.level),
    reviewMinWeeks: row.reviewMinWeeks,
    reviewMaxWeeks: row.reviewMaxWeeks,
    leadProfessionalTitle: row.leadProfessionalTitle,
    requireStaffTotp: row.requireStaffTotp,
    assessmentSignOffRequired: row.assessmentSignOffRequired,
    closureSignOffRequired: row.closureSignOffRequired,
    planSignOffRequired: row.planSignOffRequired,
    firstTacWorkingDays: row.firstTacWorkingDays,
    scoreLowLabel: row.scoreLowLabel,
    scoreHighLabel: row.scoreHighLabel,
    triageTargetWorkingDays: row.triageTargetWorkingDays,
    assessmentTargetWorkingDays: row.assessmentTargetWorkingDays,
    actionOverdueDays: row.actionOverdueDays,
    noticeFamilyNames: row.noticeFamilyNames,
    retentionRuleKind: row.retentionRuleKind as RetentionRuleKind,
    retentionYears: row.retentionYears,
    localities: row.localities,
  };
}
