import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { users } from "./users";

/** The family's agreement to take part in Early Help (voluntary), as a history of records. */
export const agreements = pgTable(
  "agreements",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    agreed: boolean("agreed").notNull(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => familyMembers.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("agreements_family_id_idx").on(t.familyId)],
);
