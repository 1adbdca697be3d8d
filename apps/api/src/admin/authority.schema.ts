import { z } from "@hono/zod-openapi";
import type { localAuthorities } from "@teamaround/db";
import { hasChanges, noChangesIssue, safeLine, safeText } from "@teamaround/domain";

const weeks = z.number().int().min(1).max(52);

export const LevelOfNeedSchema = z.object({
  level: z.number().int().min(1).max(4),
  label: safeLine({ max: 60 }),
  description: safeText({ min: 0, max: 300 }),
});

export const AuthoritySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    levelsOfNeed: z.array(LevelOfNeedSchema),
    reviewMinWeeks: z.number().int(),
    reviewMaxWeeks: z.number().int(),
    leadProfessionalTitle: z.string(),
    requireStaffTotp: z.boolean(),
  })
  .openapi("Authority");

export const UpdateAuthorityBody = z
  .strictObject({
    levelsOfNeed: z.array(LevelOfNeedSchema.strict()).min(1).max(4).optional(),
    reviewMinWeeks: weeks.optional().describe("Earliest a review falls due, in weeks (1–52)"),
    reviewMaxWeeks: weeks.optional().describe("Latest a review may be, in weeks (1–52)"),
    leadProfessionalTitle: safeLine({ max: 80 }).optional(),
    requireStaffTotp: z.boolean().optional(),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateAuthority");

type AuthorityRow = typeof localAuthorities.$inferSelect;

export function presentAuthority(row: AuthorityRow): z.infer<typeof AuthoritySchema> {
  return {
    id: row.id,
    name: row.name,
    levelsOfNeed: [...row.levelsOfNeed].sort((a, b) => a.level - b.level),
    reviewMinWeeks: row.reviewMinWeeks,
    reviewMaxWeeks: row.reviewMaxWeeks,
    leadProfessionalTitle: row.leadProfessionalTitle,
    requireStaffTotp: row.requireStaffTotp,
  };
}
