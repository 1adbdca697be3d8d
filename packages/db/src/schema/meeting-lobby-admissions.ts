import { foreignKey, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * The chair let someone who waits in the lobby (a family member) into a
 * meeting; they are not asked to wait again when they reconnect.
 */
export const meetingLobbyAdmissions = pgTable(
  "meeting_lobby_admissions",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    admittedBy: uuid("admitted_by")
      .notNull()
      .references(() => users.id),
    admittedAt: timestamp("admitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "meeting_lobby_admissions_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    unique("meeting_lobby_admissions_person_unique").on(t.meetingId, t.userId),
  ],
);
