import {
  type ActionNoticeOwner,
  type ActionNoticePlan,
  actionOwnerKey,
  type NoticeAudience,
  type NoticeContent,
} from "@teamaround/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { families, familyMembers, localAuthorities, users } from "../schema";
import { enqueuePersonNotice } from "./person-notices";

/**
 * The accounts of a family's members, by member id: only members linked to
 * an active portal account (anyone else has nothing to be sent to).
 */
export async function listMemberAccounts(
  db: Executor,
  familyId: string,
  memberIds: readonly string[],
): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ memberId: familyMembers.id, userId: users.id })
    .from(familyMembers)
    .innerJoin(users, and(eq(users.id, familyMembers.userId), eq(users.status, "active")))
    .where(and(eq(familyMembers.familyId, familyId), inArray(familyMembers.id, [...memberIds])));
  return new Map(rows.map((r) => [r.memberId, r.userId]));
}

/** Each owner told, as the account they are told at and the words they get. */
async function accountsOf(
  tx: Executor,
  familyId: string,
  owners: readonly ActionNoticeOwner[],
): Promise<Map<string, { userId: string; audience: NoticeAudience }>> {
  const memberIds = owners.flatMap((o) => ("memberId" in o ? [o.memberId] : []));
  const members = await listMemberAccounts(tx, familyId, memberIds);
  const accounts = new Map<string, { userId: string; audience: NoticeAudience }>();
  for (const owner of owners) {
    if ("userId" in owner) {
      accounts.set(actionOwnerKey(owner), { userId: owner.userId, audience: "staff" });
      continue;
    }
    const userId = members.get(owner.memberId);
    if (userId) accounts.set(actionOwnerKey(owner), { userId, audience: "family" });
  }
  return accounts;
}

export interface ActionNoticesInput {
  familyId: string;
  actionId: string;
  /** The action's due date after the change. */
  dueDate: string;
  /** Who hears what (`planActionNotices` in the domain). */
  plan: ActionNoticePlan;
  createdBy: string;
  now: Date;
}

/**
 * Writes the notices an action's creation or change causes, in the caller's
 * transaction: in the app to each owner told, and by email unless they turned
 * that kind off. Staff owners are told at their account; a family member who
 * owns it at their portal account, in plain words (audience `family`), and
 * not at all when they have none. Staff emails name the family only where the
 * authority allows it (`notice_family_names`); family emails never do, and
 * the person who made the change is never told. Answers the accounts told.
 */
export async function enqueueActionNotices(
  tx: Executor,
  input: ActionNoticesInput,
): Promise<string[]> {
  const { plan } = input;
  if (plan.assigned.length === 0 && plan.changed.length === 0) return [];
  const [family] = await tx
    .select({
      authorityId: families.authorityId,
      displayName: families.displayName,
      namesAllowed: localAuthorities.noticeFamilyNames,
    })
    .from(families)
    .innerJoin(localAuthorities, eq(localAuthorities.id, families.authorityId))
    .where(eq(families.id, input.familyId));
  if (!family) return [];
  const accounts = await accountsOf(tx, input.familyId, [...plan.assigned, ...plan.changed]);
  const ids = { actionId: input.actionId, familyId: input.familyId, dueDate: input.dueDate };
  const variablesFor = (audience: NoticeAudience) => {
    const base = audience === "family" ? { ...ids, audience } : ids;
    const named = audience === "staff" && family.namesAllowed;
    return { base, email: named ? { ...base, familyName: family.displayName } : base };
  };
  const toldOf = (owners: readonly ActionNoticeOwner[]) =>
    owners.flatMap((owner) => {
      const account = accounts.get(actionOwnerKey(owner));
      // Nobody hears of their own doing, whichever record made them an owner.
      return account && account.userId !== input.createdBy ? [account] : [];
    });
  const told = [
    ...toldOf(plan.assigned).map(({ userId, audience }) => {
      const v = variablesFor(audience);
      return {
        userId,
        content: { kind: "action_assigned", variables: v.base } as NoticeContent,
        email: { kind: "action_assigned", variables: v.email } as NoticeContent,
      };
    }),
    ...toldOf(plan.changed).map(({ userId, audience }) => {
      const v = variablesFor(audience);
      const changed = plan.changedFields;
      return {
        userId,
        content: { kind: "action_changed", variables: { ...v.base, changed } } as NoticeContent,
        email: { kind: "action_changed", variables: { ...v.email, changed } } as NoticeContent,
      };
    }),
  ];
  for (const notice of told) {
    await enqueuePersonNotice(tx, {
      authorityId: family.authorityId,
      userId: notice.userId,
      content: notice.content,
      emailContent: notice.email,
      familyId: input.familyId,
      createdBy: input.createdBy,
      dueAt: input.now,
    });
  }
  return told.map((t) => t.userId);
}
