import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

/**
 * A staff account's link to a person at the council's identity provider
 * (OpenID Connect): the issuer and the provider's subject identify the person
 * for good, whatever their email becomes. Made at the first single sign-on
 * (matched by a verified email); accounts are never made from a sign-on.
 */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("oidc_identities_issuer_subject_key").on(t.issuer, t.subject),
    index("oidc_identities_user_id_idx").on(t.userId),
  ],
);
