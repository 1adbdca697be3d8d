import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * A partner without an account (a GP, a nurse from another trust) invited to
 * one meeting. The invitation makes a `guest` account (`user_id`) that works
 * for this meeting only, and only while the invitation is current: not
 * revoked, not past `expires_at`, and the meeting not ended. Only hashes of
 * the link token and of the one-time code are stored.
 */
export const meetingGuests = pgTable(
  "meeting_guests",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    /** The guest's own account (role `guest`), one per invitation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    organisation: text("organisation").notNull(),
    /** Where the link and code were sent; never used to sign in. */
    email: text("email").notNull(),
    /** What they are, in their own field's words ("GP", "School nurse"). */
    roleWords: text("role_words").notNull(),
    /** Whether the lead let them write in the plan during the meeting. */
    mayWrite: boolean("may_write").notNull().default(false),
    /** SHA-256 of the link's token: the link names the invitation, the code proves the person. */
    linkTokenHash: text("link_token_hash").notNull(),
    /** SHA-256 of the one-time code, which works once (`code_used_at`). */
    codeHash: text("code_hash").notNull(),
    /** Wrong codes entered against this invitation; refused for good at the limit. */
    failedCodeAttempts: integer("failed_code_attempts").notNull().default(0),
    codeUsedAt: timestamp("code_used_at", { withTimezone: true }),
    /** The meeting's booked end unless set sooner. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "meeting_guests_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_guests_meeting_id_idx").on(t.meetingId),
    uniqueIndex("meeting_guests_user_key").on(t.userId),
    uniqueIndex("meeting_guests_link_token_hash_key").on(t.linkTokenHash),
    check("meeting_guests_attempts_not_negative", sql`${t.failedCodeAttempts} >= 0`),
  ],
);
