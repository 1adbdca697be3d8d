import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { feedbackOccasion } from "./journey-enums";
import { reviews } from "./reviews";

/** "How was it for you?" offered to the family after a review or at closure. */
export const feedbackInvitations = pgTable(
  "feedback_invitations",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    occasion: feedbackOccasion("occasion").notNull(),
    reviewId: uuid("review_id").references(() => reviews.id),
    offeredAt: timestamp("offered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("feedback_invitations_family_idx").on(t.familyId),
    index("feedback_invitations_episode_idx").on(t.episodeId),
    uniqueIndex("feedback_invitations_review_key")
      .on(t.reviewId)
      .where(sql`${t.reviewId} is not null`),
    uniqueIndex("feedback_invitations_closure_key")
      .on(t.episodeId)
      .where(sql`${t.occasion} = 'closure'`),
  ],
);

/**
 * One family member's answers, each 1–5. Counted anonymously in figures; the
 * lead sees who said what only when the family member allowed it.
 */
export const feedbackAnswers = pgTable(
  "feedback_answers",
  {
    id: id(),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => feedbackInvitations.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    memberId: uuid("member_id")
      .notNull()
      .references(() => familyMembers.id),
    respected: integer("respected").notNull(),
    listenedTo: integer("listened_to").notNull(),
    helped: integer("helped").notNull(),
    wouldRecommend: integer("would_recommend").notNull(),
    comment: text("comment"),
    shareWithLead: boolean("share_with_lead").notNull().default(false),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("feedback_answers_once_key").on(t.invitationId, t.memberId),
    index("feedback_answers_answered_idx").on(t.answeredAt),
    check(
      "feedback_answers_range",
      sql`${t.respected} between 1 and 5 and ${t.listenedTo} between 1 and 5 and ${t.helped} between 1 and 5 and ${t.wouldRecommend} between 1 and 5`,
    ),
  ],
);
