import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { users } from "./users";

/**
 * The browsers an account has signed in from, recognised by a long-lived
 * random device cookie. Only the SHA-256 of the cookie's token is stored, as
 * with sessions; a sign-in from a browser not listed here tells the person
 * ("A new sign-in to your Teamaround account"). No IP address is kept here.
 */
export const userDevices = pgTable(
  "user_devices",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the device cookie's token. */
    tokenHash: text("token_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** "Firefox on Windows": the closed-vocabulary description, never the raw User-Agent. */
    userAgentSummary: text("user_agent_summary").notNull(),
  },
  (t) => [
    uniqueIndex("user_devices_user_token_key").on(t.userId, t.tokenHash),
    index("user_devices_user_id_idx").on(t.userId, t.lastSeenAt),
  ],
);
