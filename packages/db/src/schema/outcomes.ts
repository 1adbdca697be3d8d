import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { audienceColumns } from "./audience-columns";
import { createdAt, id, updatedAt } from "./columns";
import { outcomeArea, outcomeStatus } from "./enums";
import { episodes } from "./episodes";
import { families } from "./families";
import { users } from "./users";

/**
 * What the family wants to achieve, in their words where possible, and how we
 * will know. Each outcome belongs to the episode it was set in: once that
 * episode closes, the outcome and its actions are history and never change.
 */
export const outcomes = pgTable(
  "outcomes",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    area: outcomeArea("area").notNull(),
    title: text("title").notNull(),
    /** How the family and team will know it has been reached (the M of SMART). */
    measure: text("measure").notNull(),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    status: outcomeStatus("status").notNull().default("active"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    ...audienceColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("outcomes_family_id_idx").on(t.familyId),
    index("outcomes_episode_id_idx").on(t.episodeId),
  ],
);
