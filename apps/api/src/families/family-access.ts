import { type Executor, type FamilyRow, getFamilyAccess } from "@teamaround/db";
import {
  type Actor,
  type FamilyAbilities,
  type FamilyAccess,
  familyAbilities,
  notFound,
} from "@teamaround/domain";

export type { FamilyRow };

/**
 * Loads a family and how the actor stands towards it. A family that does not
 * exist answers exactly like one the actor may not see (404).
 */
export async function loadFamilyAccess(
  db: Executor,
  actor: Actor,
  familyId: string,
): Promise<{ family: FamilyRow; access: FamilyAccess }> {
  const found = await getFamilyAccess(db, actor, familyId);
  if (!found) throw notFound("That family");
  return found;
}

export function withAbilities<T>(
  data: T,
  access: FamilyAccess,
): { data: T; abilities: FamilyAbilities } {
  return { data, abilities: familyAbilities(access) };
}
