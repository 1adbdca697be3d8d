import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { assessmentKind, assessmentSection, assessmentStatus } from "./journey-enums";
import { users } from "./users";

/**
 * The Early Help Assessment of an episode (or a re-assessment). Its words are
 * kept one section per row so two practitioners can write different sections
 * at once; each row carries its own version. Once completed nothing changes.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: id(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    kind: assessmentKind("kind").notNull().default("initial"),
    status: assessmentStatus("status").notNull().default("draft"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    startedBy: uuid("started_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    /** The manager's decision: approval completes it; a return carries comments. */
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    returnComments: text("return_comments"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assessments_episode_idx").on(t.episodeId),
    // The partnership's figures: assessments started or completed in a period.
    index("assessments_started_idx").on(t.startedAt),
    index("assessments_completed_idx").on(t.completedAt),
    uniqueIndex("assessments_one_unfinished_key")
      .on(t.episodeId)
      .where(sql`${t.status} <> 'completed'`),
    check(
      "assessments_completed_dated",
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`,
    ),
  ],
);

/**
 * One section of an assessment in the team's words; the voice sections hold
 * one row per child or parent, in that person's own words.
 */
export const assessmentEntries = pgTable(
  "assessment_entries",
  {
    id: id(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    section: assessmentSection("section").notNull(),
    /** The child or parent whose voice this is; null for the shared sections. */
    memberId: uuid("member_id").references(() => familyMembers.id),
    text: text("text").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assessment_entries_shared_key")
      .on(t.assessmentId, t.section)
      .where(sql`${t.memberId} is null`),
    uniqueIndex("assessment_entries_voice_key")
      .on(t.assessmentId, t.section, t.memberId)
      .where(sql`${t.memberId} is not null`),
    check(
      "assessment_entries_voice_has_member",
      sql`(${t.section} in ('child_voice', 'parent_voice')) = (${t.memberId} is not null)`,
    ),
  ],
);

/** Everyone who wrote in, or scored for, an assessment: its "who contributed". */
export const assessmentContributors = pgTable(
  "assessment_contributors",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    firstContributedAt: timestamp("first_contributed_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] })],
);
