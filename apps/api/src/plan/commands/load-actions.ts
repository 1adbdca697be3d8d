import {
  actionOwners,
  actionProgressNotes,
  actions,
  agencies,
  type Executor,
  familyMembers,
  users,
} from "@teamaround/db";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";

export type ActionRow = typeof actions.$inferSelect;

export type OwnerRow =
  | { kind: "practitioner"; userId: string; name: string; agencyName: string | null }
  | { kind: "family_member"; memberId: string; name: string };

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
  const owners = await loadOwners(db, familyId, ids);
  const notes = await loadNotes(db, familyId, ids);
  return rows.map((row) => ({
    row,
    owners: owners.get(row.id) ?? [],
    notes: notes.get(row.id) ?? [],
  }));
}

async function loadOwners(db: Executor, familyId: string, actionIds: string[]) {
  const rows = await db
    .select({
      actionId: actionOwners.actionId,
      userId: actionOwners.userId,
      userName: users.displayName,
      agencyName: agencies.name,
      memberId: actionOwners.memberId,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(actionOwners)
    .leftJoin(users, eq(users.id, actionOwners.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(familyMembers, eq(familyMembers.id, actionOwners.memberId))
    .where(and(eq(actionOwners.familyId, familyId), inArray(actionOwners.actionId, actionIds)))
    .orderBy(actionOwners.id);
  const byAction = new Map<string, OwnerRow[]>();
  for (const r of rows) {
    const owner: OwnerRow = r.userId
      ? {
          kind: "practitioner",
          userId: r.userId,
          name: r.userName ?? "",
          agencyName: r.agencyName,
        }
      : {
          kind: "family_member",
          memberId: r.memberId ?? "",
          name: `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim(),
        };
    byAction.set(r.actionId, [...(byAction.get(r.actionId) ?? []), owner]);
  }
  return byAction;
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
