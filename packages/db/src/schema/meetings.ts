import { type AgendaItem, meetingDuration, meetingKinds, meetingStates } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { families } from "./families";
import { users } from "./users";

export const meetingKind = pgEnum("meeting_kind", meetingKinds);
export const meetingState = pgEnum("meeting_state", meetingStates);

/**
 * A TAC meeting: scheduled by the lead professional, who chairs it; live while
 * the room is open; ended (with a plan version) or cancelled. Rows of the
 * meeting's other tables carry the family id and point at (id, family_id), so
 * a record can never belong to one family's meeting and another family.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    kind: meetingKind("kind").notNull(),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    /** How long it lasts (the calendar entry's end); meetings booked before lengths were an hour. */
    durationMinutes: integer("duration_minutes").notNull().default(meetingDuration.default),
    location: text("location"),
    /** Practical notes for everyone invited (an interpreter, access, a video link). */
    notes: text("notes"),
    /** The lead professional when the meeting was scheduled. */
    chairUserId: uuid("chair_user_id")
      .notNull()
      .references(() => users.id),
    state: meetingState("state").notNull().default("scheduled"),
    agenda: jsonb("agenda").$type<AgendaItem[]>().notNull(),
    currentAgendaItemId: uuid("current_agenda_item_id"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /**
     * The calendar invitation's SEQUENCE (RFC 5545): 0 when booked, one more
     * each time invitees are told of a change (moved, invitees changed,
     * cancelled). The invitation's UID is the meeting's id.
     */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meetings_family_id_idx").on(t.familyId, t.scheduledFor),
    // The target of the (meeting_id, family_id) foreign keys of the meeting's other tables.
    unique("meetings_id_family_id_key").on(t.id, t.familyId),
    check("meetings_agenda_is_array_check", sql`jsonb_typeof(${t.agenda}) = 'array'`),
    check(
      "meetings_duration_minutes_check",
      sql`${t.durationMinutes} between 30 and 180 and ${t.durationMinutes} % 15 = 0`,
    ),
  ],
);
