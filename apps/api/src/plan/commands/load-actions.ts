import {
  actionProgressNotes,
  actions,
  type Executor,
  listActionOwners,
  outcomes,
  teamMemberships,
  users,
} from "@teamaround/db";
import type { ActionOwner, FamilyAudience } from "@teamaround/domain";
import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audienceOf } from "../../shared/family-audience";

export type ActionRow = typeof actions.$inferSelect;

/** Presented by the one function the stored plan versions use too (`presentActionOwner`). */
export type OwnerRow = ActionOwner;

export interface NoteRow {
  id: string;
  note: string;
  authorName: string;
  at: Date;
  authorId: string;
  forTeamOnly: boolean;
}

export interface LoadedAction {
  row: ActionRow;
  owners: OwnerRow[];
  notes: NoteRow[];
  /** Who marked it done, by name. */
  completedByName: string | null;
  /** The users in the family's team now (an owner not among them has left). */
  teamUserIds: string[];
  /** Who in the family may see the action's outcome (the action's own is on `row`). */
  outcomeAudience: FamilyAudience;
}

const completer = alias(users, "completer");

type ActionScope = { actionIds: string[] } | { outcomeIds: string[] };

function scopeOf(only: ActionScope | undefined): SQL | undefined {
  if (!only) return undefined;
  if ("actionIds" in only) return inArray(actions.id, only.actionIds);
  return inArray(actions.outcomeId, only.outcomeIds);
}

/**
 * A family's actions with their owners, progress notes and who completed them,
 * and the team as it is now, in four queries
 * whatever the number of actions. `only` narrows to some actions, or to
 * the actions towards some outcomes.
 */
export async function loadActions(
  db: Executor,
  familyId: string,
  only?: ActionScope,
): Promise<LoadedAction[]> {
  const scope = scopeOf(only);
  const rows = await db
    .select({
      row: actions,
      completedByName: completer.displayName,
      outcomeAudience: outcomes.audience,
      outcomeAudienceMemberIds: outcomes.audienceMemberIds,
    })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .leftJoin(completer, eq(completer.id, actions.completedBy))
    .where(and(eq(actions.familyId, familyId), scope))
    .orderBy(actions.dueDate, actions.createdAt);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  const owners = await listActionOwners(db, familyId, { actionIds: ids });
  const notes = await loadNotes(db, familyId, ids);
  const teamUserIds = await listTeamUserIds(db, familyId);
  return rows.map(({ row, completedByName, ...outcome }) => ({
    row,
    outcomeAudience: audienceOf({
      audience: outcome.outcomeAudience,
      audienceMemberIds: outcome.outcomeAudienceMemberIds,
    }),
    owners: owners.get(row.id) ?? [],
    notes: notes.get(row.id) ?? [],
    completedByName,
    teamUserIds,
  }));
}

async function listTeamUserIds(db: Executor, familyId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.familyId, familyId), isNull(teamMemberships.removedAt)));
  return rows.map((r) => r.userId);
}

async function loadNotes(db: Executor, familyId: string, actionIds: string[]) {
  const rows = await db
    .select({
      actionId: actionProgressNotes.actionId,
      id: actionProgressNotes.id,
      note: actionProgressNotes.note,
      authorName: users.displayName,
      at: actionProgressNotes.createdAt,
      authorId: actionProgressNotes.authorId,
      forTeamOnly: actionProgressNotes.forTeamOnly,
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
