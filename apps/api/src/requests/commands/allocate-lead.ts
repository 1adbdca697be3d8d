import { type Executor, teamMemberships } from "@teamaround/db";
import { and, eq, isNull, or } from "drizzle-orm";

/**
 * Makes `leadUserId` the family's lead professional for a new episode. The
 * lead of the earlier episode, if someone else, leaves the team (their
 * membership ends and is kept as history); if the new lead was already a
 * team member, that membership ends and a lead membership replaces it.
 * Run inside a transaction.
 */
export async function allocateLead(
  tx: Executor,
  input: { familyId: string; leadUserId: string; by: string; now: Date },
) {
  const { familyId, leadUserId, now } = input;
  const current = await tx
    .select()
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        isNull(teamMemberships.removedAt),
        or(eq(teamMemberships.role, "lead_professional"), eq(teamMemberships.userId, leadUserId)),
      ),
    )
    .for("update");
  if (current.some((m) => m.userId === leadUserId && m.role === "lead_professional")) return;
  for (const membership of current) {
    await tx
      .update(teamMemberships)
      .set({
        removedAt: now,
        removedReason:
          membership.userId === leadUserId
            ? "Became the lead professional for a new episode"
            : "A new lead professional was allocated for a new episode",
      })
      .where(eq(teamMemberships.id, membership.id));
  }
  await tx.insert(teamMemberships).values({
    familyId,
    userId: leadUserId,
    role: "lead_professional",
    addedBy: input.by,
    addedAt: now,
  });
}
