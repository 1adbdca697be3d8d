import { type Executor, families, familyMembers, teamMemberships } from "@teamaround/db";
import {
  type Actor,
  type FamilyAbilities,
  type FamilyAccess,
  familyAbilities,
  notFound,
} from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";

export type FamilyRow = typeof families.$inferSelect;

/**
 * Loads a family and how the actor stands towards it. A family that does not
 * exist answers exactly like one the actor may not see (404).
 */
export async function loadFamilyAccess(
  db: Executor,
  actor: Actor,
  familyId: string,
): Promise<{ family: FamilyRow; access: FamilyAccess }> {
  const [family] = await db.select().from(families).where(eq(families.id, familyId));
  if (!family) throw notFound("That family");
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

export function withAbilities<T>(
  data: T,
  access: FamilyAccess,
): { data: T; abilities: FamilyAbilities } {
  return { data, abilities: familyAbilities(access) };
}
