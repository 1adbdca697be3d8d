import { date, index, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { outcomeArea } from "./enums";
import { episodes } from "./episodes";
import { reviews } from "./reviews";

/**
 * Two more summaries the partnership's figures read, written only by the
 * database like `episode_facts` (triggers in migration 0013 call
 * `refresh_figure_summaries(episode ids)`; views `*_source` define them).
 */

/** Each review with the day the episode's next review was held: "reviews on time". */
export const reviewFacts = pgTable(
  "review_facts",
  {
    reviewId: uuid("review_id")
      .primaryKey()
      .references(() => reviews.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id").notNull(),
    nextReviewOn: date("next_review_on", { mode: "string" }),
    /** When the next review was held; null while none has been. */
    followedOn: date("followed_on", { mode: "string" }),
  },
  (t) => [
    index("review_facts_next_review_idx").on(t.nextReviewOn),
    index("review_facts_episode_idx").on(t.episodeId),
  ],
);

/**
 * Per episode and need area, the lines (area, child) scored by practitioners
 * at assessment and at closure, and how many of them improved: distance
 * travelled, as `countFigures` counts it.
 */
export const episodeDistance = pgTable(
  "episode_distance",
  {
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id, { onDelete: "cascade" }),
    area: outcomeArea("area").notNull(),
    lines: integer("lines").notNull(),
    improved: integer("improved").notNull(),
  },
  (t) => [primaryKey({ columns: [t.episodeId, t.area] })],
);
