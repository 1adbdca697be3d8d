import {
  canChangeAction,
  canChangeActionFields,
  type FamilyAccess,
  familyViewerOf,
  maySeeWithin,
  needsNewOwner,
  ownersWhoLeft,
} from "@teamaround/domain";
import { audienceOf } from "../shared/family-audience";
import { type LoadedAction, type NoteRow, ownerMemberIds } from "./commands/load-actions";

/** Whether the caller may see the action: its own audience and its outcome's (`maySeeWithin`). */
export function maySeeAction(
  access: FamilyAccess,
  action: Pick<LoadedAction, "row" | "outcomeAudience">,
): boolean {
  return maySeeWithin(access, action.outcomeAudience, audienceOf(action.row));
}

/**
 * A note marked for the team only is seen by the team and its author; other
 * family members never see it.
 */
export function maySeeNote(access: FamilyAccess, note: Pick<NoteRow, "authorId" | "forTeamOnly">) {
  if (!note.forTeamOnly || familyViewerOf(access) === null) return true;
  return note.authorId === access.actor.userId;
}

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
    progress: notes.filter((note) => maySeeNote(access, note)).map(presentProgressNote),
    canUpdate: canChangeAction(access, "update", memberIds),
    canAddProgress: canChangeAction(access, "add_progress", memberIds),
    audience: audienceOf(row),
  };
}

export function presentProgressNote(note: {
  id: string;
  note: string;
  authorName: string;
  at: Date;
  forTeamOnly: boolean;
}) {
  return {
    id: note.id,
    note: note.note,
    authorName: note.authorName,
    at: note.at.toISOString(),
    forTeamOnly: note.forTeamOnly,
  };
}
