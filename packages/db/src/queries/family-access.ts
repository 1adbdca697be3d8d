import type { Actor, FamilyAccess } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { families, familyMembers, teamMemberships } from "../schema";

export type FamilyRow = typeof families.$inferSelect;

/**
 * A family and how the actor stands towards it, or null when the family does
 * not exist. Callers answer a missing family exactly like one the actor may
 * not see; the policy in `@teamaround/domain` decides the rest.
 */
export async function getFamilyAccess(
  db: Executor,
  actor: Actor,
  familyId: string,
): Promise<{ family: FamilyRow; access: FamilyAccess } | null> {
  const [family] = await db.select().from(families).where(eq(families.id, familyId));
  if (!family) return null;
  const [membership] = await db
    .select({ role: teamMemberships.role })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.userId, actor.userId),
        isNull(teamMemberships.removedAt),
      ),
    );
  const [member] =
    actor.role === "family_member"
      ? await db
          .select({ id: familyMembers.id })
          .from(familyMembers)
          .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.userId, actor.userId)))
      : [];
  return {
    family,
    access: {
      actor,
      familyId,
      familyStatus: family.status,
      owningAgencyId: family.owningAgencyId,
      teamRole: membership?.role ?? null,
      familyMemberId: member?.id ?? null,
    },
  };
}
