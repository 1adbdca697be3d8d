import { randomUUID } from "node:crypto";
import {
  type NoticeChannel,
  type NoticeContent,
  type NoticeKind,
  noticeSecretVariables,
  parseNoticeContent,
} from "@teamaround/domain";
import { and, asc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents, familyMembers, notices, users } from "../schema";

export type NoticeRow = typeof notices.$inferSelect;

/** Exactly one of: an account, a family member (their contact email), an address. */
export type NoticeRecipient = { userId: string } | { memberId: string } | { address: string };

export interface EnqueueNoticeInput {
  authorityId: string;
  content: NoticeContent;
  recipient: NoticeRecipient;
  channel?: NoticeChannel;
  familyId?: string | null;
  /** Who caused it; null or absent when the service did. */
  createdBy?: string | null;
  /** The same key twice makes one notice (e.g. `action_due:<actionId>:<day>`); default: new. */
  idempotencyKey?: string;
  /** When it is due; default now. */
  dueAt?: Date;
}

/**
 * Writes a notice to the outbox. Call it with the transaction of the change
 * that causes it: a change that rolls back sends nothing. The variables are
 * checked against the kind's schema here. Answers null when a notice with
 * the same idempotency key exists already.
 */
export async function enqueueNotice(
  tx: Executor,
  input: EnqueueNoticeInput,
): Promise<{ id: string } | null> {
  const content = parseNoticeContent(input.content.kind, input.content.variables);
  const id = randomUUID();
  const rows = await tx
    .insert(notices)
    .values({
      id,
      authorityId: input.authorityId,
      kind: content.kind,
      channel: input.channel ?? "email",
      recipientUserId: "userId" in input.recipient ? input.recipient.userId : null,
      recipientMemberId: "memberId" in input.recipient ? input.recipient.memberId : null,
      recipientAddress: "address" in input.recipient ? input.recipient.address : null,
      familyId: input.familyId ?? null,
      variables: content.variables,
      createdBy: input.createdBy ?? null,
      idempotencyKey: input.idempotencyKey ?? `notice:${id}`,
      ...(input.dueAt ? { nextAttemptAt: input.dueAt } : {}),
    })
    .onConflictDoNothing({ target: notices.idempotencyKey })
    .returning({ id: notices.id });
  return rows[0] ?? null;
}

export interface ClaimOptions {
  now: Date;
  /** How long a claim holds: a notice whose worker died is due again after it. */
  leaseMs: number;
  limit: number;
}

/**
 * Claims due notices in one short transaction: `FOR UPDATE SKIP LOCKED`, so
 * workers on several nodes never claim the same row at once; the claim moves
 * `next_attempt_at` to the end of the lease and counts an attempt. The
 * returned `attempts` is the claim's fencing token for marking it afterwards.
 */
export async function claimDueNotices(db: Executor, options: ClaimOptions): Promise<NoticeRow[]> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: notices.id })
      .from(notices)
      .where(and(eq(notices.status, "pending"), lte(notices.nextAttemptAt, options.now)))
      .orderBy(asc(notices.nextAttemptAt))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    return tx
      .update(notices)
      .set({
        attempts: sql`${notices.attempts} + 1`,
        nextAttemptAt: new Date(options.now.getTime() + options.leaseMs),
      })
      .where(inArray(notices.id, due))
      .returning();
  });
}

export interface NoticeAddress {
  /** Where to send it; null when the recipient has no email address. */
  address: string | null;
  /** The account it reaches, if any (the demo's "sent to me" page). */
  userId: string | null;
}

/** The recipient's address now (an account's email may have changed since the notice was written). */
export async function getNoticeAddress(db: Executor, notice: NoticeRow): Promise<NoticeAddress> {
  if (notice.recipientUserId) {
    const [user] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, notice.recipientUserId));
    return { address: user?.email ?? null, userId: notice.recipientUserId };
  }
  if (notice.recipientMemberId) {
    const [member] = await db
      .select({ email: familyMembers.email, userId: familyMembers.userId })
      .from(familyMembers)
      .where(eq(familyMembers.id, notice.recipientMemberId));
    return { address: member?.email || null, userId: member?.userId ?? null };
  }
  return { address: notice.recipientAddress, userId: null };
}

/** The variables without the kind's secrets, for a notice that is done with. */
function withoutSecrets(kind: NoticeKind): SQL {
  const keys = noticeSecretVariables[kind];
  if (keys.length === 0) return sql`${notices.variables}`;
  return sql`${notices.variables} - array[${sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  )}]::text[]`;
}

interface Finish {
  notice: Pick<NoticeRow, "id" | "kind" | "channel" | "attempts" | "familyId"> &
    Partial<Pick<NoticeRow, "recipientUserId" | "recipientMemberId" | "createdBy">>;
  now: Date;
  /** Which transport handled it (`smtp`, `notify`, `local`, `in_app`). */
  transport: string;
}

function auditDetails(finish: Finish, extra: Record<string, unknown>) {
  const { notice } = finish;
  return {
    kind: notice.kind,
    channel: notice.channel,
    transport: finish.transport,
    attempts: notice.attempts,
    recipientUserId: notice.recipientUserId ?? null,
    recipientMemberId: notice.recipientMemberId ?? null,
    causedBy: notice.createdBy ?? null,
    ...extra,
  };
}

/**
 * Marks a claimed notice sent, drops its secret variables and audits it
 * (`notice.sent`: who, what kind, which family, when — never the words), in
 * one transaction. Only the claim that is still current may: answers false
 * when the lease ran out and another worker claimed it since.
 */
export async function markNoticeSent(db: Executor, finish: Finish): Promise<boolean> {
  const { notice, now } = finish;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(notices)
      .set({ status: "sent", sentAt: now, lastError: null, variables: withoutSecrets(notice.kind) })
      .where(currentClaim(notice))
      .returning({ id: notices.id });
    if (updated.length === 0) return false;
    await tx.insert(auditEvents).values({
      at: now,
      event: "notice.sent",
      familyId: notice.familyId,
      resourceType: "notice",
      resourceId: notice.id,
      details: auditDetails(finish, {}),
    });
    return true;
  });
}

/** Gives up on a notice: `failed`, secrets dropped, audited as `notice.failed` with the safe reason. */
export async function markNoticeFailed(
  db: Executor,
  finish: Finish & { error: string },
): Promise<boolean> {
  const { notice, now, error } = finish;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(notices)
      .set({ status: "failed", lastError: error, variables: withoutSecrets(notice.kind) })
      .where(currentClaim(notice))
      .returning({ id: notices.id });
    if (updated.length === 0) return false;
    await tx.insert(auditEvents).values({
      at: now,
      event: "notice.failed",
      familyId: notice.familyId,
      resourceType: "notice",
      resourceId: notice.id,
      details: auditDetails(finish, { error }),
    });
    return true;
  });
}

/** Puts a claimed notice back to wait until `at`, with the safe reason its attempt failed. */
export async function scheduleNoticeRetry(
  db: Executor,
  input: { notice: Pick<NoticeRow, "id" | "attempts">; at: Date; error: string },
): Promise<boolean> {
  const updated = await db
    .update(notices)
    .set({ nextAttemptAt: input.at, lastError: input.error })
    .where(currentClaim(input.notice))
    .returning({ id: notices.id });
  return updated.length > 0;
}

function currentClaim(notice: Pick<NoticeRow, "id" | "attempts">) {
  return and(
    eq(notices.id, notice.id),
    eq(notices.status, "pending"),
    eq(notices.attempts, notice.attempts),
  );
}

/** Why a notice could not be sent at all, as `last_error` and the audit row say it. */
export const unsentReasons = {
  noEmailAddress: "no email address",
  accountNotActive: "account not active",
} as const;
export type UnsentReason = (typeof unsentReasons)[keyof typeof unsentReasons];

/**
 * Records, in the caller's transaction, a notice that cannot be sent because
 * there is nowhere to send it (a family member with no email address and no
 * account, a closed account): a `failed` row with the reason, never claimed
 * by the worker, and its `notice.failed` audit row — so "who could not be
 * told" is a record, not a silence. Answers null when the key exists already.
 */
export async function recordUnsentNotice(
  tx: Executor,
  input: EnqueueNoticeInput & { reason: UnsentReason; now: Date },
): Promise<{ id: string } | null> {
  const content = parseNoticeContent(input.content.kind, input.content.variables);
  const id = randomUUID();
  const recipientUserId = "userId" in input.recipient ? input.recipient.userId : null;
  const recipientMemberId = "memberId" in input.recipient ? input.recipient.memberId : null;
  const [row] = await tx
    .insert(notices)
    .values({
      id,
      authorityId: input.authorityId,
      kind: content.kind,
      channel: input.channel ?? "email",
      recipientUserId,
      recipientMemberId,
      recipientAddress: "address" in input.recipient ? input.recipient.address : null,
      familyId: input.familyId ?? null,
      variables: content.variables,
      status: "failed",
      lastError: input.reason,
      createdBy: input.createdBy ?? null,
      idempotencyKey: input.idempotencyKey ?? `notice:${id}`,
      nextAttemptAt: input.now,
    })
    .onConflictDoNothing({ target: notices.idempotencyKey })
    .returning({ id: notices.id });
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: input.now,
    event: "notice.failed",
    familyId: input.familyId ?? null,
    resourceType: "notice",
    resourceId: row.id,
    details: {
      kind: content.kind,
      channel: input.channel ?? "email",
      transport: "none",
      attempts: 0,
      recipientUserId,
      recipientMemberId,
      causedBy: input.createdBy ?? null,
      error: input.reason,
    },
  });
  return row;
}
