import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { families } from "./families";

/**
 * Every potential item of the managers' drift queue, with the day it is due
 * under the authority's targets and the day it becomes late, so a manager's
 * queue is an index range (their service's items, or their team's leads')
 * read in order of lateness. `DriftItem` in `@teamaround/domain` is what an
 * item means; `drift_items_source` (migration 0020) is its definition in SQL.
 *
 * Written only by the database: statement triggers on help_requests, episodes,
 * families, team_memberships, meetings, reviews, actions, consents and
 * sustainability_checks call `refresh_drift_items(family ids, request ids)` for
 * the rows a statement touched, in the writer's transaction; a change of the
 * authority's targets refreshes its items (`refresh_authority_drift_items`);
 * a bulk load with triggers off (the generator) calls `refresh_all_drift_items()`.
 */
export const driftItems = pgTable(
  "drift_items",
  {
    /** A `DriftKind`. */
    kind: text("kind").notNull(),
    /** The request, episode, action, consent or follow-up. */
    subjectId: uuid("subject_id").notNull(),
    authorityId: uuid("authority_id").notNull(),
    /** Whose queue: the family's owning service, or the service a request asks. */
    agencyId: uuid("agency_id").notNull(),
    /** The family's lead professional (their line manager sees it); null for requests. */
    leadUserId: uuid("lead_user_id"),
    familyId: uuid("family_id").references(() => families.id, { onDelete: "cascade" }),
    familyName: text("family_name").notNull(),
    familyReference: text("family_reference"),
    /** What `driftWhat` words the item with: a day, an episode number, an action's words, months. */
    detail: text("detail"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** The first day the item is late (the day after it is due, or after the action allowance). */
    lateFrom: date("late_from", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subjectId] }),
    index("drift_items_family_idx").on(t.familyId),
    // A queue's rows in order of due day, with what counting them by kind reads
    // (an index-only scan), for the service and for a lead.
    index("drift_items_agency_queue_idx").on(
      t.agencyId,
      t.dueOn,
      t.lateFrom,
      t.kind,
      t.authorityId,
    ),
    index("drift_items_lead_queue_idx")
      .on(t.leadUserId, t.dueOn, t.lateFrom, t.kind, t.authorityId)
      .where(sql`${t.leadUserId} is not null`),
  ],
);
