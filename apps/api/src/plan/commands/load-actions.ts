import {
  actionProgressNotes,
  actions,
  type Executor,
  listActionOwners,
  users,
} from "@teamaround/db";
import type { ActionOwner } from "@teamaround/domain";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";

export type ActionRow = typeof actions.$inferSelect;

/** Presented by the one function the stored plan versions use too (`presentActionOwner`). */
export type OwnerRow = ActionOwner;

export interface NoteRow {
  id: string;
  note: string;
  authorName: string;
  at: Date;
}

export interface LoadedAction {
  row: ActionRow;
  owners: OwnerRow[];
  notes: NoteRow[];
}

/**
 * A family's actions with their owners and progress notes, in three queries
 * whatever the number of actions. `only` narrows to some actions.
 */
export async function loadActions(
  db: Executor,
  familyId: string,
  only?: { actionIds: string[] },
): Promise<LoadedAction[]> {
  const scope: SQL | undefined = only ? inArray(actions.id, only.actionIds) : undefined;
  const rows = await db
    .select()
    .from(actions)
    .where(and(eq(actions.familyId, familyId), scope))
    .orderBy(actions.dueDate, actions.createdAt);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const owners = await listActionOwners(db, familyId, { actionIds: ids });
  const notes = await loadNotes(db, familyId, ids);
  return rows.map((row) => ({
    row,
    owners: owners.get(row.id) ?? [],
    notes: notes.get(row.id) ?? [],
  }));
}

async function loadNotes(db: Executor, familyId: string, actionIds: string[]) {
  const rows = await db
    .select({
      actionId: actionProgressNotes.actionId,
      id: actionProgressNotes.id,
      note: actionProgressNotes.note,
      authorName: users.displayName,
      at: actionProgressNotes.createdAt,
    })
    .from(actionProgressNotes)
    .innerJoin(users, eq(users.id, actionProgressNotes.authorId))
    .where(
      and(
        eq(actionProgressNotes.familyId, familyId),
        inArray(actionProgressNotes.actionId, actionIds),
      ),
    )
    .orderBy(desc(actionProgressNotes.createdAt), desc(actionProgressNotes.id));
  const byAction = new Map<string, NoteRow[]>();
  for (const { actionId, ...note } of rows) {
    byAction.set(actionId, [...(byAction.get(actionId) ?? []), note]);
  }
  return byAction;
}

/** The family-member ids among an action's owners, which `canChangeAction` needs. */
export function ownerMemberIds(owners: readonly OwnerRow[]): string[] {
  return owners.flatMap((o) => (o.kind === "family_member" ? [o.memberId] : []));
}
