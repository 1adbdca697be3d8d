import type { Actor } from "../authorization/actor";
import { AppError } from "../shared/app-error";

/**
 * Whose figures an actor allowed `figures.read` sees: a partnership analyst
 * the whole partnership; a manager their own service only (the episodes it
 * leads, the requests it received), so a manager needs an agency.
 */
export function figureScopeOf(
  actor: Actor,
): { kind: "partnership" } | { kind: "service"; agencyId: string } {
  if (actor.role === "partnership_analyst") return { kind: "partnership" };
  if (actor.agencyId === null) {
    throw new AppError("forbidden", "Only managers of a service see its figures.");
  }
  return { kind: "service", agencyId: actor.agencyId };
}
