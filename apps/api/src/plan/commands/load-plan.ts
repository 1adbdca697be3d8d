import { type Executor, outcomes } from "@teamaround/db";
import type { FamilyAccess } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { presentAction } from "../present-action";
import { presentOutcome } from "../present-outcome";
import { loadActions } from "./load-actions";

/** The family's outcomes, each with its actions, in four queries in all. */
export async function loadPlan(db: Executor, access: FamilyAccess, today: string) {
  const outcomeRows = await db
    .select()
    .from(outcomes)
    .where(eq(outcomes.familyId, access.familyId))
    .orderBy(outcomes.targetDate, outcomes.createdAt);
  const actions = await loadActions(db, access.familyId);
  return outcomeRows.map((outcome) => ({
    ...presentOutcome(outcome),
    actions: actions
      .filter((a) => a.row.outcomeId === outcome.id)
      .map((a) => presentAction(a, access, today)),
  }));
}
