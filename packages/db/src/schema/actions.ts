import { sql } from "drizzle-orm";
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { audienceColumns } from "./audience-columns";
import { createdAt, id, updatedAt } from "./columns";
import { actionStatus } from "./enums";
import { families } from "./families";
import { meetings } from "./meetings";
import { outcomes } from "./outcomes";
import { users } from "./users";

/** Who does what by when, towards one outcome. Owners are in `action_owners`. */
export const actions = pgTable(
  "actions",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    outcomeId: uuid("outcome_id")
      .notNull()
      .references(() => outcomes.id),
    text: text("text").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: actionStatus("status").notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Who marked it done (a practitioner or a family member's portal account). */
    completedBy: uuid("completed_by").references(() => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** The meeting that was live when the action was created: agreed in it, and part of its record. */
    meetingId: uuid("meeting_id"),
    version: integer("version").notNull().default(1),
    ...audienceColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("actions_family_id_idx").on(t.familyId),
    index("actions_outcome_id_idx").on(t.outcomeId),
    index("actions_meeting_id_idx").on(t.meetingId),
    foreignKey({
      name: "actions_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    // The drift queue's overdue actions: only open actions, by due date.
    index("actions_open_due_idx").on(t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);
