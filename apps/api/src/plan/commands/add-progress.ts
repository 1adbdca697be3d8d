import { actionProgressNotes } from "@teamaround/db";
import { AppError, canChangeAction, type FamilyAccess, notFound } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { maySeeAction } from "../present-action";
import { loadActions, ownerMemberIds } from "./load-actions";
import { assertActionOpen } from "./plan-episode";

/**
 * Appends a progress note to an action the caller may report on (staff, or an
 * owning family member); `forTeamOnly` keeps a family member's words from the
 * rest of the family.
 */
export async function addProgress(
  c: Context<ApiEnv>,
  access: FamilyAccess,
  actionId: string,
  input: { note: string; forTeamOnly: boolean },
) {
  const { note, forTeamOnly } = input;
  const { db } = c.var.deps;
  const { familyId } = access;
  const [current] = await loadActions(db, familyId, { actionIds: [actionId] });
  if (!current || !maySeeAction(access, current)) throw notFound("That action");
  if (!canChangeAction(access, "add_progress", ownerMemberIds(current.owners))) {
    throw new AppError("forbidden", "You may add progress only to actions that are yours.");
  }
  return db.transaction(async (tx) => {
    await assertActionOpen(tx, familyId, actionId);
    const [row] = await tx
      .insert(actionProgressNotes)
      .values({ familyId, actionId, authorId: access.actor.userId, note, forTeamOnly })
      .returning();
    if (!row) throw new AppError("internal", "The progress note was not saved.");
    await recordAudit(tx, c, {
      event: "action.add_progress",
      familyId,
      resourceType: "action",
      resourceId: actionId,
      details: { noteId: row.id, forTeamOnly },
    });
    return row;
  });
}
