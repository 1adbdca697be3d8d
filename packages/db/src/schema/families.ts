import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { createdAt, id, updatedAt } from "./columns";
import { closureReason, familyOrigin, familyStatus } from "./enums";
import { localAuthorities } from "./local-authorities";
import { users } from "./users";

export const families = pgTable(
  "families",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    /** The service that holds the case; its managers have oversight. */
    owningAgencyId: uuid("owning_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Human reference, e.g. EH-2026-0042. */
    reference: text("reference").notNull(),
    /** How the family is named on screens, e.g. "The Ashdown family". */
    displayName: text("display_name").notNull(),
    levelOfNeed: integer("level_of_need").notNull(),
    /** The authority's locality (area team) the family lives in, one of its `localities`. */
    locality: text("locality"),
    status: familyStatus("status").notNull().default("assessment_started"),
    origin: familyOrigin("origin").notNull().default("early_help_request"),
    steppedDownAt: timestamp("stepped_down_at", { withTimezone: true }),
    closureReason: closureReason("closure_reason"),
    closureNote: text("closure_note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("families_reference_key").on(t.authorityId, t.reference),
    // A service's cases (manager's caseload, drift and family list).
    index("families_owning_agency_idx").on(t.owningAgencyId),
  ],
);
