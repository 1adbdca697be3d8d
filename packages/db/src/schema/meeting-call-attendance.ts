import { foreignKey, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * One row per join of a meeting's audio/video call; `left_at` is set on
 * leave, disconnect or revocation. Only who was in the call and when: the
 * call itself is never recorded.
 */
export const meetingCallAttendance = pgTable(
  "meeting_call_attendance",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: "meeting_call_attendance_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_call_attendance_meeting_id_idx").on(t.meetingId, t.joinedAt),
  ],
);
