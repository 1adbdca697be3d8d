import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { closureReason } from "./enums";
import { families } from "./families";
import { helpRequests } from "./help-requests";
import { episodeEventKind, episodeOrigin, episodeStatus } from "./journey-enums";
import { users } from "./users";

/**
 * One period of Early Help work with a family. It opens once (from a request
 * or a step-down) and closes once; a family that comes back gets a new
 * episode and nothing of the old one changes. `families.status` mirrors the
 * status of the family's latest episode.
 */
export const episodes = pgTable(
  "episodes",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    /** 1, 2, 3… in the order the family's episodes opened. */
    number: integer("number").notNull(),
    origin: episodeOrigin("origin").notNull(),
    requestId: uuid("request_id").references(() => helpRequests.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    openedBy: uuid("opened_by").references(() => users.id),
    status: episodeStatus("status").notNull().default("assessment"),
    /** When the assessment was completed: the start of the first-TAC clock. */
    planInPlaceAt: timestamp("plan_in_place_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    closureReason: closureReason("closure_reason"),
    closureSummary: text("closure_summary"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("episodes_family_number_key").on(t.familyId, t.number),
    uniqueIndex("episodes_one_open_key").on(t.familyId).where(sql`${t.status} <> 'closed'`),
    check(
      "episodes_closed_complete",
      sql`(${t.status} = 'closed') = (${t.closedAt} is not null and ${t.closureReason} is not null)`,
    ),
  ],
);

/** What happened to an episode and when: history, appended and never changed. */
export const episodeEvents = pgTable(
  "episode_events",
  {
    id: id(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    kind: episodeEventKind("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: uuid("by").references(() => users.id),
    /** Level of need after the event, for level changes, step-ups and step-downs. */
    levelOfNeed: integer("level_of_need"),
    note: text("note"),
  },
  (t) => [
    index("episode_events_episode_idx").on(t.episodeId, t.at),
    // The partnership's figures: step-ups and step-downs in a period.
    index("episode_events_step_idx")
      .on(t.at)
      .where(sql`${t.kind} in ('stepped_up', 'stepped_down')`),
  ],
);
