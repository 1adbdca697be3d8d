import { recordResponseKinds } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";
import { users } from "./users";

export const recordResponseKind = pgEnum("record_response_kind", recordResponseKinds);

/**
 * An attendee's answer to a held meeting's record: confirmed (once each) or a
 * comment (any number). Appended only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE, and the record itself (the plan version) never changes.
 */
export const meetingRecordResponses = pgTable(
  "meeting_record_responses",
  {
    id: id(),
    meetingId: uuid("meeting_id").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: recordResponseKind("kind").notNull(),
    comment: text("comment"),
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "meeting_record_responses_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    index("meeting_record_responses_meeting_id_idx").on(t.meetingId, t.respondedAt),
    uniqueIndex("meeting_record_responses_confirmed_key")
      .on(t.meetingId, t.userId)
      .where(sql`${t.kind} = 'confirmed'`),
    check(
      "meeting_record_responses_comment_check",
      sql`(${t.kind} = 'commented') = (${t.comment} is not null) and (${t.comment} is null or char_length(${t.comment}) between 1 and 2000)`,
    ),
  ],
);
