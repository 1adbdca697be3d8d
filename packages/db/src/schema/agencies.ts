import { boolean, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { agencyType } from "./enums";
import { localAuthorities } from "./local-authorities";

export const agencies = pgTable("agencies", {
  id: id(),
  authorityId: uuid("authority_id")
    .notNull()
    .references(() => localAuthorities.id),
  name: text("name").notNull(),
  type: agencyType("type").notNull(),
  active: boolean("active").notNull().default(true),
  /**
   * Where the service sends the agency's safeguarding notices (consent to
   * share with it withdrawn): a team inbox, set by administrators. Null: none
   * given, so the agency must be told some other way.
   */
  contactEmail: text("contact_email"),
  /** Optimistic concurrency: a stale administrator's edit answers 409. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});
