import {
  type Executor,
  episodes,
  families,
  sustainabilityChecks,
  teamMemberships,
} from "@teamaround/db";
import { notFound } from "@teamaround/domain";
import { and, asc, eq, exists, isNull, lte, or } from "drizzle-orm";

type CheckRow = typeof sustainabilityChecks.$inferSelect;

export function presentFollowUp(row: CheckRow) {
  return {
    id: row.id,
    familyId: row.familyId,
    monthsAfter: Number(row.monthsAfter),
    dueOn: row.dueOn,
    result: row.result,
    note: row.note,
    recordedAt: row.recordedAt ? row.recordedAt.toISOString() : null,
  };
}

/**
 * The follow-ups due on or before `today` and not yet answered that the user
 * is reminded of: as the lead when the episode closed, or as the family's
 * lead now. Across families, oldest due first.
 */
export async function listMyDueFollowUps(db: Executor, userId: string, today: string) {
  const leadNow = db
    .select({ id: teamMemberships.id })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, sustainabilityChecks.familyId),
        eq(teamMemberships.userId, userId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  const rows = await db
    .select({ check: sustainabilityChecks, family: families, closedAt: episodes.closedAt })
    .from(sustainabilityChecks)
    .innerJoin(families, eq(families.id, sustainabilityChecks.familyId))
    .innerJoin(
      episodes,
      and(
        eq(episodes.id, sustainabilityChecks.episodeId),
        eq(episodes.familyId, sustainabilityChecks.familyId),
      ),
    )
    .where(
      and(
        isNull(sustainabilityChecks.result),
        lte(sustainabilityChecks.dueOn, today),
        or(eq(sustainabilityChecks.leadUserId, userId), exists(leadNow)),
      ),
    )
    .orderBy(
      asc(sustainabilityChecks.dueOn),
      asc(families.displayName),
      asc(sustainabilityChecks.id),
    );
  return rows.map(({ check, family, closedAt }) => ({
    id: check.id,
    familyId: family.id,
    familyReference: family.reference,
    familyDisplayName: family.displayName,
    monthsAfter: Number(check.monthsAfter),
    dueOn: check.dueOn,
    closedAt: closedAt ? closedAt.toISOString() : null,
  }));
}

/** One follow-up of this family, or null. */
export async function findFollowUp(db: Executor, familyId: string, checkId: string) {
  const [row] = await db
    .select()
    .from(sustainabilityChecks)
    .where(and(eq(sustainabilityChecks.id, checkId), eq(sustainabilityChecks.familyId, familyId)));
  return row ?? null;
}

export function followUpNotFound() {
  return notFound("That follow-up");
}
