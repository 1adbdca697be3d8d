import { type Executor, outcomes } from "@teamaround/db";
import type { FamilyAccess } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { presentAction } from "../present-action";
import { presentOutcome } from "../present-outcome";
import { loadActions } from "./load-actions";

/** One episode's outcomes, each with its actions, in five queries in all. */
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
    .orderBy(outcomes.targetDate, outcomes.createdAt);
  if (outcomeRows.length === 0) return [];
  const actions = await loadActions(db, access.familyId, {
    outcomeIds: outcomeRows.map((o) => o.id),
  });
  return outcomeRows.map((outcome) => ({
    ...presentOutcome(outcome),
    actions: actions
      .filter((a) => a.row.outcomeId === outcome.id)
      .map((a) => presentAction(a, access, today)),
  }));
}
