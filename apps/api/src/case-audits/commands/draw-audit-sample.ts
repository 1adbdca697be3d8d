import { randomInt } from "node:crypto";
import { agencies, auditSamples, type Executor, episodes, families } from "@teamaround/db";
import { AppError, drawSample, quarterDays } from "@teamaround/domain";
import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";

/**
 * The service's families with an episode open at some time in the quarter:
 * opened by its last day, and not closed before its first.
 */
async function familiesOpenIn(
  db: Executor,
  agencyId: string,
  days: { start: string; end: string },
) {
  const rows = await db
    .selectDistinct({ familyId: episodes.familyId })
    .from(episodes)
    .innerJoin(families, eq(families.id, episodes.familyId))
    .where(
      and(
        eq(families.owningAgencyId, agencyId),
        lte(sql`(${episodes.openedAt} at time zone 'UTC')::date`, days.end),
        or(
          isNull(episodes.closedAt),
          gte(sql`(${episodes.closedAt} at time zone 'UTC')::date`, days.start),
        ),
      ),
    );
  return rows.map((r) => r.familyId).sort();
}

/**
 * Draws a random sample of the service's cases of one quarter for audit, with
 * a cryptographic random source. One sample per service and quarter (409);
 * the service's row is locked so two draws at once cannot both succeed.
 */
export async function drawAuditSample(
  tx: Executor,
  at: { agencyId: string; quarter: string; size: number; drawnBy: string; now: Date },
) {
  const days = quarterDays(at.quarter);
  if (!days) throw new AppError("unprocessable", "That is not a quarter.", { field: "quarter" });
  await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.id, at.agencyId))
    .for("update");
  const [existing] = await tx
    .select({ id: auditSamples.id })
    .from(auditSamples)
    .where(and(eq(auditSamples.agencyId, at.agencyId), eq(auditSamples.quarter, at.quarter)));
  if (existing) {
    throw new AppError("conflict", `A sample has already been drawn for ${at.quarter}.`, {
      field: "quarter",
    });
  }
  const candidates = await familiesOpenIn(tx, at.agencyId, days);
  if (candidates.length === 0) {
    throw new AppError("unprocessable", `Your service had no open cases in ${at.quarter}.`, {
      field: "quarter",
    });
  }
  const [sample] = await tx
    .insert(auditSamples)
    .values({
      agencyId: at.agencyId,
      quarter: at.quarter,
      familyIds: drawSample(candidates, at.size, (n) => randomInt(n)),
      drawnBy: at.drawnBy,
      drawnAt: at.now,
    })
    .returning();
  if (!sample) throw new AppError("internal", "The sample was not saved.");
  return sample;
}
