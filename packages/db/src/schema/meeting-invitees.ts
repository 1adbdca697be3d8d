import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { meetings } from "./meetings";
import { users } from "./users";

/** Who is invited to a meeting: a practitioner (user) or a family member (member record). */
export const meetingInvitees = pgTable(
  "meeting_invitees",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id").references(() => users.id),
    memberId: uuid("member_id").references(() => familyMembers.id),
  },
  (t) => [
    foreignKey({
      name: "meeting_invitees_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_invitees_meeting_id_idx").on(t.meetingId),
    uniqueIndex("meeting_invitees_user_key").on(t.meetingId, t.userId),
    uniqueIndex("meeting_invitees_member_key").on(t.meetingId, t.memberId),
    check(
      "meeting_invitees_one_invitee_check",
      sql`(${t.userId} is null) <> (${t.memberId} is null)`,
    ),
  ],
);
