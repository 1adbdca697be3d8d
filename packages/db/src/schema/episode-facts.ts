import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { episodes } from "./episodes";

/**
 * A summary of each episode with what the partnership's figures group and
 * date it by, so a figure query reads one narrow row per episode instead of
 * re-deriving the youngest child, the current lead, the previous episode and
 * the first TAC every time.
 *
 * Written only by the database: statement triggers on episodes, families,
 * family_members, team_memberships, meetings and help_requests call
 * `refresh_episode_facts(family ids)` (migration 0010), so every writer —
 * API, realtime, seed — keeps it current in its own transaction. A bulk load
 * with triggers off (the generator) calls `refresh_all_episode_facts()`.
 * The columns mean what `EpisodeRecord` means in `@teamaround/domain`.
 */
export const episodeFacts = pgTable(
  "episode_facts",
  {
    episodeId: uuid("episode_id")
      .primaryKey()
      .references(() => episodes.id, { onDelete: "cascade" }),
    familyId: uuid("family_id").notNull(),
    authorityId: uuid("authority_id").notNull(),
    /** The family's owning service today. */
    leadAgencyId: uuid("lead_agency_id").notNull(),
    /** The asking agency's id, "family", or "stepped_down". */
    asking: text("asking").notNull(),
    locality: text("locality"),
    levelOfNeed: integer("level_of_need").notNull(),
    /** The youngest child's age band on the day the episode opened, or "not_known". */
    ageBand: text("age_band").notNull(),
    /** The family's lead professional today. */
    leadUserId: uuid("lead_user_id"),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    planOn: date("plan_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    closureReason: text("closure_reason"),
    /** When the family's previous episode closed (re-referrals). */
    previousClosedOn: date("previous_closed_on", { mode: "string" }),
    /** The first meeting held on or after the plan day, and the working days to it. */
    firstTacOn: date("first_tac_on", { mode: "string" }),
    firstTacWorkingDays: integer("first_tac_working_days"),
  },
  (t) => [
    index("episode_facts_family_idx").on(t.familyId),
    index("episode_facts_opened_idx").on(t.authorityId, t.openedOn),
    index("episode_facts_plan_idx").on(t.authorityId, t.planOn),
    index("episode_facts_closed_idx").on(t.authorityId, t.closedOn),
  ],
);
