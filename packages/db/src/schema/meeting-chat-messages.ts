import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

/** Chat in a live meeting, stored before anyone receives it. */
export const meetingChatMessages = pgTable(
  "meeting_chat_messages",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "meeting_chat_messages_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_chat_messages_meeting_id_idx").on(t.meetingId, t.sentAt),
    check("meeting_chat_messages_body_check", sql`char_length(${t.body}) between 1 and 2000`),
  ],
);
