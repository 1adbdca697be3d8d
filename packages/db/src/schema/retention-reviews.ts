import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { families } from "./families";
import { localAuthorities } from "./local-authorities";
import { users } from "./users";

/**
 * A closed family whose record the daily retention job found past its
 * review date, and what the authority decided: an extension, a legal hold
 * (no erasure while it stands), or the erasure itself. The row outlives the
 * erasure as its record; reasons are cleared then.
 */
export const retentionReviews = pgTable(
  "retention_reviews",
  {
    familyId: uuid("family_id")
      .primaryKey()
      .references(() => families.id),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    /** The day the rule made the record due (recomputed by each run of the job). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** `youngest_child_age` or `years_after_closure`: the rule that decided `dueOn`. */
    ruleKind: text("rule_kind").notNull(),
    ruleYears: integer("rule_years").notNull(),
    listedAt: timestamp("listed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Kept until this day; listed again once it passes. */
    extendedUntil: date("extended_until", { mode: "string" }),
    extensionReason: text("extension_reason"),
    extendedBy: uuid("extended_by").references(() => users.id),
    /** A legal hold stands while `heldAt` is set: nothing is erased until it is lifted. */
    holdReason: text("hold_reason"),
    heldBy: uuid("held_by").references(() => users.id),
    heldAt: timestamp("held_at", { withTimezone: true }),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    erasedBy: uuid("erased_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [index("retention_reviews_authority_idx").on(t.authorityId, t.dueOn)],
);
