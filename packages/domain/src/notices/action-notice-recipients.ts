import type { ActionChangedField } from "./action-notices";

/**
 * An owner of an action as its notices see them: a practitioner's account,
 * or a family member's record (told at their portal account, if they have
 * one — the database layer finds it).
 */
export type ActionNoticeOwner = { userId: string } | { memberId: string };

/** One action's state as far as its owners' notices are concerned. */
export interface ActionNoticeState {
  text: string;
  dueDate: string;
  owners: readonly ActionNoticeOwner[];
}

/** Who made the change: their account, and their family-member record if they are family. */
export interface ActionNoticeActor {
  userId: string;
  memberId?: string | null;
}

export interface ActionNoticePlan {
  /** Told "you have a new action". */
  assigned: ActionNoticeOwner[];
  /** Told "an action of yours was changed", with what changed. */
  changed: ActionNoticeOwner[];
  changedFields: ActionChangedField[];
}

/** One key per owner, whichever kind. */
export function actionOwnerKey(owner: ActionNoticeOwner): string {
  return "userId" in owner ? `user:${owner.userId}` : `member:${owner.memberId}`;
}

function isActor(owner: ActionNoticeOwner, actor: ActionNoticeActor): boolean {
  return "userId" in owner
    ? owner.userId === actor.userId
    : Boolean(actor.memberId) && owner.memberId === actor.memberId;
}

/**
 * Who is told what about an action that was created (`before` null) or
 * changed: owners it is new to hear it is theirs; owners who had it hear that
 * its due date or words changed; nobody hears of their own doing (a
 * practitioner by account, a family member by their record), and a change of
 * status or of other owners alone tells no one. Staff and family owners are
 * told alike.
 */
export function planActionNotices(
  before: ActionNoticeState | null,
  after: ActionNoticeState,
  actor: ActionNoticeActor,
): ActionNoticePlan {
  const others = (owners: readonly ActionNoticeOwner[]) => {
    const seen = new Map<string, ActionNoticeOwner>();
    for (const owner of owners) if (!isActor(owner, actor)) seen.set(actionOwnerKey(owner), owner);
    return [...seen.values()];
  };
  if (!before) return { assigned: others(after.owners), changed: [], changedFields: [] };
  const had = new Set(before.owners.map(actionOwnerKey));
  const changedFields: ActionChangedField[] = [];
  if (before.dueDate !== after.dueDate) changedFields.push("due_date");
  if (before.text !== after.text) changedFields.push("text");
  return {
    assigned: others(after.owners.filter((o) => !had.has(actionOwnerKey(o)))),
    changed: changedFields.length
      ? others(after.owners.filter((o) => had.has(actionOwnerKey(o))))
      : [],
    changedFields,
  };
}
