import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { reviewDecision, reviewVerdict } from "./journey-enums";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * What a review meeting concluded: the verdict on the family's progress, the
 * decision, and when the next review falls. The new scores are need_scores
 * rows pointing here. One review per meeting.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    verdict: reviewVerdict("verdict").notNull(),
    decision: reviewDecision("decision").notNull(),
    /** Null when the decision closes or steps up the episode. */
    nextReviewOn: date("next_review_on", { mode: "string" }),
    summary: text("summary"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_meeting_key").on(t.meetingId),
    index("reviews_episode_idx").on(t.episodeId, t.reviewedOn),
    // The partnership's figures: reviews due in a period.
    index("reviews_next_review_idx").on(t.nextReviewOn),
  ],
);
