import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Lucia-design sessions: the id is the SHA-256 of the token; the token itself is never stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute expiry, fixed at creation. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** False until the second factor is passed, for accounts that have one. */
    twoFactorVerified: boolean("two_factor_verified").notNull().default(false),
    /** Begun through the council's identity provider, which is trusted for the second factor. */
    singleSignOn: boolean("single_sign_on").notNull().default(false),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);
