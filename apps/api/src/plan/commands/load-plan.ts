import { type Executor, outcomes } from "@teamaround/db";
import { type FamilyAccess, maySeeWithin } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { audienceOf } from "../../shared/family-audience";
import { maySeeAction, presentAction } from "../present-action";
import { presentOutcome } from "../present-outcome";
import { loadActions } from "./load-actions";

/**
 * One episode's outcomes, each with its actions, in five queries in all; a
 * family member sees only those whose audience includes them.
 */
export async function loadPlan(
  db: Executor,
  access: FamilyAccess,
  episodeId: string,
  today: string,
) {
  const outcomeRows = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.familyId, access.familyId), eq(outcomes.episodeId, episodeId)))
    .orderBy(outcomes.targetDate, outcomes.createdAt)
    .then((rows) => rows.filter((row) => maySeeWithin(access, audienceOf(row))));
  if (outcomeRows.length === 0) return [];
  const actions = await loadActions(db, access.familyId, {
    outcomeIds: outcomeRows.map((o) => o.id),
  });
  return outcomeRows.map((outcome) => ({
    ...presentOutcome(outcome),
    actions: actions
      .filter((a) => a.row.outcomeId === outcome.id && maySeeAction(access, a))
      .map((a) => presentAction(a, access, today)),
  }));
}
