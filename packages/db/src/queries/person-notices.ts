import {
  defaultNoticePreferences,
  isOptionalByEmail,
  type NoticeContent,
  type NoticePreferences,
  wantsEmail,
} from "@teamaround/domain";
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { noticePreferences, notices } from "../schema";
import { enqueueNotice } from "./notices";

/** A person's notice preferences, or the defaults when they never chose. */
export async function getNoticePreferences(
  db: Executor,
  userId: string,
): Promise<NoticePreferences> {
  const [row] = await db
    .select({ digestTime: noticePreferences.digestTime, emailOff: noticePreferences.emailOff })
    .from(noticePreferences)
    .where(eq(noticePreferences.userId, userId));
  if (!row) return { ...defaultNoticePreferences };
  // A kind that stopped being optional comes by email again, whatever was stored.
  return { digestTime: row.digestTime, emailOff: row.emailOff.filter(isOptionalByEmail) };
}

/** Stores a person's preferences (the whole of them), in the caller's transaction. */
export async function saveNoticePreferences(
  tx: Executor,
  userId: string,
  preferences: NoticePreferences,
  at: Date,
): Promise<void> {
  const values = { digestTime: preferences.digestTime, emailOff: preferences.emailOff };
  await tx
    .insert(noticePreferences)
    .values({ userId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: noticePreferences.userId, set: { ...values, updatedAt: at } });
}

export interface PersonNoticeInput {
  authorityId: string;
  userId: string;
  /** The in-app notice's content (never the family's name: the list reads it live, if allowed). */
  content: NoticeContent;
  /** The email's content when it differs (the family's name where the authority allows it). */
  emailContent?: NoticeContent;
  familyId?: string | null;
  createdBy?: string | null;
  /** "One of these per …": the in-app and email notices get `<key>:in_app` and `<key>:email`. */
  idempotencyKey?: string;
  dueAt?: Date;
}

/**
 * A notice to a person: always in the app, and by email unless the kind is
 * optional and they turned its emails off (`wantsEmail`). Call it in the
 * transaction of the change that causes it. Answers the in-app notice's id,
 * or null when one with the same key exists already.
 */
export async function enqueuePersonNotice(
  tx: Executor,
  input: PersonNoticeInput,
): Promise<string | null> {
  const common = {
    authorityId: input.authorityId,
    recipient: { userId: input.userId },
    familyId: input.familyId ?? null,
    createdBy: input.createdBy ?? null,
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
  };
  const key = (channel: string) =>
    input.idempotencyKey ? { idempotencyKey: `${input.idempotencyKey}:${channel}` } : {};
  const inApp = await enqueueNotice(tx, {
    ...common,
    content: input.content,
    channel: "in_app",
    ...key("in_app"),
  });
  const preferences = await getNoticePreferences(tx, input.userId);
  if (wantsEmail(preferences, input.content.kind)) {
    await enqueueNotice(tx, {
      ...common,
      content: input.emailContent ?? input.content,
      channel: "email",
      ...key("email"),
    });
  }
  return inApp?.id ?? null;
}

const mine = (userId: string): SQL | undefined =>
  and(eq(notices.recipientUserId, userId), eq(notices.channel, "in_app"));

export type InAppNoticeRow = Pick<
  typeof notices.$inferSelect,
  "id" | "kind" | "familyId" | "variables" | "createdAt" | "readAt"
>;

/** A person's in-app notices, newest first; `before` pages on (the last row's time and id). */
export async function listInAppNotices(
  db: Executor,
  userId: string,
  options: { limit: number; before?: { createdAt: Date; id: string } },
): Promise<InAppNoticeRow[]> {
  const { before } = options;
  return db
    .select({
      id: notices.id,
      kind: notices.kind,
      familyId: notices.familyId,
      variables: notices.variables,
      createdAt: notices.createdAt,
      readAt: notices.readAt,
    })
    .from(notices)
    .where(
      and(
        mine(userId),
        before
          ? or(
              lt(notices.createdAt, before.createdAt),
              and(eq(notices.createdAt, before.createdAt), lt(notices.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(options.limit);
}

/** How many of a person's in-app notices are unread. */
export async function countUnreadNotices(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(mine(userId), isNull(notices.readAt)));
  return row?.n ?? 0;
}

/** The same for several people at once, by user id (0 for those with none). */
export async function countUnreadNoticesOf(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await db
    .select({ userId: notices.recipientUserId, n: count() })
    .from(notices)
    .where(
      and(
        inArray(notices.recipientUserId, [...userIds]),
        eq(notices.channel, "in_app"),
        isNull(notices.readAt),
      ),
    )
    .groupBy(notices.recipientUserId);
  for (const row of rows) if (row.userId) counts.set(row.userId, row.n);
  return counts;
}

/**
 * Marks one of a person's in-app notices read. Answers false when it is not
 * one of theirs (someone else's notice is "not found", whatever it is).
 */
export async function markInAppNoticeRead(
  db: Executor,
  userId: string,
  noticeId: string,
  at: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: notices.id, readAt: notices.readAt })
    .from(notices)
    .where(and(eq(notices.id, noticeId), mine(userId)));
  if (!row) return false;
  if (!row.readAt) {
    await db
      .update(notices)
      .set({ readAt: at })
      .where(and(eq(notices.id, noticeId), mine(userId), isNull(notices.readAt)));
  }
  return true;
}

/** Marks every unread in-app notice of a person read; answers how many. */
export async function markAllInAppNoticesRead(
  db: Executor,
  userId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(notices)
    .set({ readAt: at })
    .where(and(mine(userId), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return rows.length;
}
