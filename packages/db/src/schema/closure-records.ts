import { sql } from "drizzle-orm";
import {
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { outcomeResult, sustainedResult } from "./journey-enums";
import { outcomes } from "./outcomes";
import { users } from "./users";

/** Whether each outcome of the plan was met, recorded when the episode closed. */
export const episodeOutcomeResults = pgTable(
  "episode_outcome_results",
  {
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    outcomeId: uuid("outcome_id")
      .notNull()
      .references(() => outcomes.id),
    result: outcomeResult("result").notNull(),
  },
  (t) => [primaryKey({ columns: [t.episodeId, t.outcomeId] })],
);

/**
 * After closure the lead is asked, at 3 and 6 months, whether the change
 * lasted. A row is created for each when the episode closes; `result` stays
 * null until the lead answers.
 */
export const sustainabilityChecks = pgTable(
  "sustainability_checks",
  {
    id: id(),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    /** The lead professional when the episode closed: the one reminded. */
    leadUserId: uuid("lead_user_id").references(() => users.id),
    monthsAfter: text("months_after").$type<"3" | "6">().notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    result: sustainedResult("result"),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sustainability_checks_key").on(t.episodeId, t.monthsAfter),
    // Follow-ups due and not yet answered (drift), by due date.
    index("sustainability_checks_due_idx").on(t.dueOn).where(sql`${t.result} is null`),
    // The manager's drift queue: a scope's follow-ups not yet answered.
    index("sustainability_checks_unanswered_family_idx")
      .on(t.familyId)
      .where(sql`${t.result} is null`),
    // The partnership's figures: answers recorded in a period.
    index("sustainability_checks_recorded_idx").on(t.recordedAt),
  ],
);
