import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Every fact a partnership figure counts, one row each, with the groups of
 * the episode (or request) it belongs to copied onto it: a request received,
 * an assessment started or completed, an episode opened, a plan, a review
 * due, a closure, its outcomes and distance travelled, a step up or down, a
 * feedback answer, a case audit, a follow-up answered. Written only by the
 * database (migration 0019: `figure_facts_source` defines it; triggers on
 * every table it is made from refresh the episodes or requests a statement
 * touched, writing only the rows that changed).
 */
export const figureFacts = pgTable(
  "figure_facts",
  {
    authorityId: uuid("authority_id").notNull(),
    /** The groups: the same keys as the domain's `episodeGroup` / `requestGroup`. */
    leadAgency: text("lead_agency").notNull(),
    asking: text("asking").notNull(),
    locality: text("locality").notNull(),
    levelOfNeed: text("level_of_need").notNull(),
    ageBand: text("age_band").notNull(),
    /** The day the fact is counted on. */
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    /** The kind's one label (a status, reason, area, grade, months after); '' if none. */
    attr: text("attr").notNull(),
    /** Working days (to complete an assessment, to the first TAC); -1 if none. */
    days: integer("days").notNull(),
    /** What the fact adds up to: 1, or lines scored, or outcomes recorded. */
    n: integer("n").notNull(),
    /** Up to four flags or sub-counts per kind (figure-counts-sql.ts reads them). */
    a: integer("a").notNull(),
    b: integer("b").notNull(),
    c: integer("c").notNull(),
    d: integer("d").notNull(),
    /** The episode it belongs to; null for a request's facts. */
    episodeId: uuid("episode_id"),
    /** The row it was made from (assessment, review, answer, … or the request). */
    sourceId: uuid("source_id").notNull(),
  },
  (t) => [
    index("figure_facts_day_idx").on(t.authorityId, t.day),
    index("figure_facts_episode_idx").on(t.episodeId),
    index("figure_facts_source_idx").on(t.sourceId),
  ],
);

/**
 * `figure_facts` summed per month, split and group, kept by triggers on
 * `figure_facts` as its rows come and go: once for the whole partnership
 * (scope '') and once for the service leading the case (scope = its id), so
 * a year's figures read about a dozen months' rows instead of every fact.
 */
export const figureCounts = pgTable(
  "figure_counts",
  {
    authorityId: uuid("authority_id").notNull(),
    /** '' for the partnership, or the lead agency's id for one service's figures. */
    scope: text("scope").notNull(),
    /** A split of `figureSplits`; 'none' holds the totals (group 'all'). */
    split: text("split").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    attr: text("attr").notNull(),
    days: integer("days").notNull(),
    grp: text("grp").notNull(),
    rows: bigint("rows", { mode: "number" }).notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
    a: bigint("a", { mode: "number" }).notNull(),
    b: bigint("b", { mode: "number" }).notNull(),
    c: bigint("c", { mode: "number" }).notNull(),
    d: bigint("d", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.authorityId, t.scope, t.split, t.month, t.kind, t.attr, t.days, t.grp],
    }),
  ],
);
