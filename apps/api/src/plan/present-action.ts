import {
  canChangeAction,
  canChangeActionFields,
  type FamilyAccess,
  needsNewOwner,
  ownersWhoLeft,
} from "@teamaround/domain";
import { type LoadedAction, ownerMemberIds } from "./commands/load-actions";

/** An action is drift when it is still open after its due date. */
export function isOverdue(status: string, dueDate: string, today: string): boolean {
  return status === "open" && dueDate < today;
}

export function presentAction(
  { row, owners, notes, completedByName, teamUserIds }: LoadedAction,
  access: FamilyAccess,
  today: string,
) {
  const memberIds = ownerMemberIds(owners);
  // Told to whoever may give the action a new owner: staff in the team.
  const mayReassign = canChangeActionFields(access, memberIds, { fields: ["owners"] });
  return {
    id: row.id,
    outcomeId: row.outcomeId,
    text: row.text,
    dueDate: row.dueDate,
    status: row.status,
    overdue: isOverdue(row.status, row.dueDate, today),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    completedByName: row.completedAt ? completedByName : null,
    needsNewOwner: mayReassign && needsNewOwner(row.status, owners, teamUserIds),
    ownersWhoLeft: mayReassign ? ownersWhoLeft(owners, teamUserIds) : [],
    version: row.version,
    owners,
    progress: notes.map(presentProgressNote),
    canUpdate: canChangeAction(access, "update", memberIds),
    canAddProgress: canChangeAction(access, "add_progress", memberIds),
  };
}

export function presentProgressNote(note: {
  id: string;
  note: string;
  authorName: string;
  at: Date;
}) {
  return { id: note.id, note: note.note, authorName: note.authorName, at: note.at.toISOString() };
}
