import type { OutcomeResult, ScoreInput } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { closureReason } from "./enums";
import { episodes } from "./episodes";
import { families } from "./families";
import { signOffState } from "./oversight-enums";
import { users } from "./users";

/**
 * A lead professional's closure of an episode, proposed for a manager's
 * sign-off where the authority asks for it: what closing would record
 * (reason, summary, closing scores, whether each outcome was met), kept as
 * proposed. A returned proposal is amended by proposing again (a new row), so
 * each keeps the words the manager decided on; the decisions themselves are
 * `sign_off_decisions` (subject `closure`, subject id this row). Approval
 * closes the episode with these answers, in the same transaction. At most one
 * proposal of an episode waits at a time.
 */
export const closureProposals = pgTable(
  "closure_proposals",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    status: signOffState("status").notNull().default("waiting"),
    reason: closureReason("reason").notNull(),
    summary: text("summary").notNull(),
    scores: jsonb("scores").$type<ScoreInput[]>().notNull(),
    outcomeResults: jsonb("outcome_results")
      .$type<{ outcomeId: string; result: OutcomeResult }[]>()
      .notNull(),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("closure_proposals_family_idx").on(t.familyId, t.proposedAt),
    uniqueIndex("closure_proposals_one_waiting_key")
      .on(t.episodeId)
      .where(sql`${t.status} = 'waiting'`),
  ],
);
