import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { id } from "./columns";
import { outcomeArea } from "./enums";
import { episodes } from "./episodes";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { scoredByKind, scoreStage } from "./journey-enums";
import { reviews } from "./reviews";
import { users } from "./users";

/**
 * A need area scored 0–10 (0 = very worried, 10 = all well) at assessment, at
 * a review or at closure; for one child when the area is about a child.
 * Appended, never changed: distance travelled is read from these rows.
 */
export const needScores = pgTable(
  "need_scores",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    stage: scoreStage("stage").notNull(),
    assessmentId: uuid("assessment_id").references(() => assessments.id),
    reviewId: uuid("review_id").references(() => reviews.id),
    area: outcomeArea("area").notNull(),
    /** The child the score is about; null when it is about the whole family. */
    memberId: uuid("member_id").references(() => familyMembers.id),
    scoredBy: scoredByKind("scored_by").notNull().default("practitioners"),
    score: integer("score").notNull(),
    strengths: text("strengths"),
    needs: text("needs"),
    note: text("note"),
    scoredOn: date("scored_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("need_scores_episode_idx").on(t.episodeId, t.area),
    check("need_scores_range", sql`${t.score} between 0 and 10`),
    check(
      "need_scores_stage_source",
      sql`(${t.stage} <> 'assessment' or ${t.assessmentId} is not null) and (${t.stage} <> 'review' or ${t.reviewId} is not null)`,
    ),
  ],
);
