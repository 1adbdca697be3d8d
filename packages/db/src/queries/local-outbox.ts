import { and, desc, eq, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { localOutboxMessages, notices } from "../schema";

export type LocalOutboxMessage = typeof localOutboxMessages.$inferInsert;

/** Keeps a message in the local outbox; storing one notice twice keeps the first. */
export async function storeLocalOutboxMessage(db: Executor, message: LocalOutboxMessage) {
  await db.insert(localOutboxMessages).values(message).onConflictDoNothing();
}

export interface OutboxPage {
  limit: number;
  /** Only messages stored before this moment (the next page). */
  before?: Date;
}

const columns = {
  noticeId: localOutboxMessages.noticeId,
  kind: notices.kind,
  familyId: notices.familyId,
  toAddress: localOutboxMessages.toAddress,
  fromAddress: localOutboxMessages.fromAddress,
  messageId: localOutboxMessages.messageId,
  subject: localOutboxMessages.subject,
  body: localOutboxMessages.body,
  storedAt: localOutboxMessages.storedAt,
};

/** The local outbox of one authority, newest first (its administrators' page). */
export async function listLocalOutboxMessages(db: Executor, authorityId: string, page: OutboxPage) {
  return db
    .select(columns)
    .from(localOutboxMessages)
    .innerJoin(notices, eq(notices.id, localOutboxMessages.noticeId))
    .where(
      and(
        eq(localOutboxMessages.authorityId, authorityId),
        page.before ? lt(localOutboxMessages.storedAt, page.before) : undefined,
      ),
    )
    .orderBy(desc(localOutboxMessages.storedAt))
    .limit(page.limit);
}

/** What was kept for one account, newest first (the demo's "what would have been sent to me"). */
export async function listMyOutboxMessages(db: Executor, userId: string, page: OutboxPage) {
  return db
    .select(columns)
    .from(localOutboxMessages)
    .innerJoin(notices, eq(notices.id, localOutboxMessages.noticeId))
    .where(
      and(
        eq(localOutboxMessages.recipientUserId, userId),
        page.before ? lt(localOutboxMessages.storedAt, page.before) : undefined,
      ),
    )
    .orderBy(desc(localOutboxMessages.storedAt))
    .limit(page.limit);
}
