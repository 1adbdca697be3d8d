import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { localAuthorities } from "./local-authorities";
import { noticeChannel, noticeKind, noticeStatus } from "./notice-enums";
import { users } from "./users";

/**
 * The transactional outbox: a notice is written in the same transaction as
 * the change that causes it, and a worker sends it afterwards (claimed with
 * `FOR UPDATE SKIP LOCKED`, retried with back-off, then `sent` or `failed`).
 * `variables` are what the message is made from — never case content; secret
 * ones (a set-password token) are removed once the notice is done with.
 */
export const notices = pgTable(
  "notices",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    kind: noticeKind("kind").notNull(),
    channel: noticeChannel("channel").notNull(),
    /** Exactly one recipient: an account, a family member (their contact email), or an address. */
    recipientUserId: uuid("recipient_user_id").references(() => users.id),
    recipientMemberId: uuid("recipient_member_id").references(() => familyMembers.id),
    /** An agency's contact address, kept as given at the time. */
    recipientAddress: text("recipient_address"),
    familyId: uuid("family_id").references(() => families.id),
    variables: jsonb("variables").$type<Record<string, unknown>>().notNull(),
    status: noticeStatus("status").notNull().default("pending"),
    /** Claims so far; a claim whose worker died counts as one. */
    attempts: integer("attempts").notNull().default(0),
    /** Due time while pending; while claimed, the end of the claim's lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Why the last attempt failed, in words safe to log (a code, never a server's reply). */
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** In-app notices: when the recipient marked it read; null while unread. */
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Who caused it; null when the service did on its own. */
    createdBy: uuid("created_by").references(() => users.id),
    /** The caller's key for "this notice": enqueuing the same key twice makes one notice. */
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notices_idempotency_key_key").on(t.idempotencyKey),
    index("notices_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("notices_family_id_idx").on(t.familyId, t.createdAt),
    index("notices_recipient_user_id_idx").on(t.recipientUserId),
    // A person's in-app list, newest first, and its unread count.
    index("notices_in_app_idx")
      .on(t.recipientUserId, t.createdAt)
      .where(sql`${t.channel} = 'in_app'`),
    check(
      "notices_one_recipient",
      sql`num_nonnulls(${t.recipientUserId}, ${t.recipientMemberId}, ${t.recipientAddress}) = 1`,
    ),
    check("notices_attempts_not_negative", sql`${t.attempts} >= 0`),
  ],
);

/**
 * The local outbox transport: messages kept instead of sent, as they would
 * have been sent, for the administrator (and, in demo mode, the recipient) to
 * read. One row per notice, so storing is idempotent.
 */
export const localOutboxMessages = pgTable(
  "local_outbox_messages",
  {
    noticeId: uuid("notice_id")
      .primaryKey()
      .references(() => notices.id),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    /** The account it was for, when it was for one (the demo's "sent to me" page). */
    recipientUserId: uuid("recipient_user_id").references(() => users.id),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    messageId: text("message_id").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    storedAt: timestamp("stored_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("local_outbox_messages_authority_idx").on(t.authorityId, t.storedAt),
    index("local_outbox_messages_recipient_idx").on(t.recipientUserId, t.storedAt),
  ],
);
