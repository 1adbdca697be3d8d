import { z } from "zod";
import { safeLine } from "../shared/text.schema";

/**
 * The variables of the notices about a person's actions and work (issue 10).
 * They name records by id and dates, never the action's words or the plan;
 * `familyName` is present only where the authority allows the family's name
 * in emails (`notice_family_names`), and only on email notices.
 */
const isoDay = z.iso.date();
const familyName = safeLine({ max: 200 }).optional();

export const actionNoticeVariables = z.strictObject({
  actionId: z.uuid(),
  familyId: z.uuid(),
  dueDate: isoDay,
  familyName,
  /**
   * Who it is written for: a family member who owns the action gets plain
   * words and a link to their family's own page (never a family name); absent
   * means staff (notices written before family owners were told).
   */
  audience: z.enum(["staff", "family"]).optional(),
});
export type ActionNoticeVariables = z.infer<typeof actionNoticeVariables>;

/** What changed about an action that its owners are told of. */
export const actionChangedFields = ["due_date", "text"] as const;
export type ActionChangedField = (typeof actionChangedFields)[number];

export const actionChangedVariables = actionNoticeVariables.extend({
  changed: z.array(z.enum(actionChangedFields)).min(1).max(actionChangedFields.length),
});

/** The lead's daily digest: counts only, across every family they lead. */
export const dailyDigestVariables = z.strictObject({
  day: isoDay,
  overdueActions: z.int().min(0).max(1_000_000),
  reviewsDue: z.int().min(0).max(1_000_000),
});
export type DailyDigestVariables = z.infer<typeof dailyDigestVariables>;
