import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

/** A decision taken in a meeting, recorded by the chair. */
export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    text: text("text").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "meeting_decisions_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_decisions_meeting_id_idx").on(t.meetingId, t.recordedAt),
    check("meeting_decisions_text_check", sql`char_length(${t.text}) between 1 and 2000`),
  ],
);
