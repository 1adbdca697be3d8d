import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * An invitee who cannot come, and why, recorded by the chair before or during
 * the meeting: a practitioner (user) or a family member (member record).
 */
export const meetingApologies = pgTable(
  "meeting_apologies",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id").references(() => users.id),
    memberId: uuid("member_id").references(() => familyMembers.id),
    reason: text("reason").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "meeting_apologies_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_apologies_meeting_id_idx").on(t.meetingId),
    uniqueIndex("meeting_apologies_user_key").on(t.meetingId, t.userId),
    uniqueIndex("meeting_apologies_member_key").on(t.meetingId, t.memberId),
    check(
      "meeting_apologies_one_person_check",
      sql`(${t.userId} is null) <> (${t.memberId} is null)`,
    ),
    check("meeting_apologies_reason_check", sql`char_length(${t.reason}) between 1 and 500`),
  ],
);
