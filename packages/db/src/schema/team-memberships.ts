import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { consents } from "./consents";
import { teamRole } from "./enums";
import { families } from "./families";
import { lawfulBasisRecords } from "./lawful-bases";
import { users } from "./users";

/**
 * A practitioner's place in a family's team, and the consent or lawful basis
 * it rests on. Leaving sets `removedAt`; rows are never deleted.
 */
export const teamMemberships = pgTable(
  "team_memberships",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: teamRole("role").notNull(),
    consentId: uuid("consent_id").references(() => consents.id),
    lawfulBasisId: uuid("lawful_basis_id").references(() => lawfulBasisRecords.id),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedReason: text("removed_reason"),
  },
  (t) => [
    index("team_memberships_user_id_idx").on(t.userId),
    // The cases a person leads now (a line manager's scope, "my families").
    index("team_memberships_active_lead_idx")
      .on(t.userId)
      .where(sql`${t.removedAt} is null and ${t.role} = 'lead_professional'`),
    uniqueIndex("team_memberships_active_key")
      .on(t.familyId, t.userId)
      .where(sql`${t.removedAt} is null`),
    uniqueIndex("team_memberships_one_lead_key")
      .on(t.familyId)
      .where(sql`${t.removedAt} is null and ${t.role} = 'lead_professional'`),
    // A member joins on consent or a lawful basis; the lead holds the case itself.
    check(
      "team_memberships_basis_check",
      sql`${t.role} = 'lead_professional' or ${t.consentId} is not null or ${t.lawfulBasisId} is not null`,
    ),
  ],
);
