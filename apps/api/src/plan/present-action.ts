import { canChangeAction, type FamilyAccess } from "@teamaround/domain";
import { type LoadedAction, ownerMemberIds } from "./commands/load-actions";

/** An action is drift when it is still open after its due date. */
export function isOverdue(status: string, dueDate: string, today: string): boolean {
  return status === "open" && dueDate < today;
}

export function presentAction(
  { row, owners, notes }: LoadedAction,
  access: FamilyAccess,
  today: string,
) {
  const memberIds = ownerMemberIds(owners);
  return {
    id: row.id,
    outcomeId: row.outcomeId,
    text: row.text,
    dueDate: row.dueDate,
    status: row.status,
    overdue: isOverdue(row.status, row.dueDate, today),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
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
