import { sql } from "drizzle-orm";
import { check, date, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { noticeKind } from "./notice-enums";
import { notices } from "./notices";
import { users } from "./users";

/**
 * What a person chose about their notices (Your account). No row: the
 * defaults — a digest at 08:00 and every optional notice by email. Which
 * kinds may be turned off is the domain's (`optionalEmailNoticeKinds`).
 */
export const noticePreferences = pgTable(
  "notice_preferences",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    /** When the daily digest comes, "HH:MM" in UK time. */
    digestTime: text("digest_time").notNull().default("08:00"),
    /** Optional kinds this person does not want by email (in-app notices still come). */
    emailOff: noticeKind("email_off").array().notNull().default(sql`'{}'`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "notice_preferences_digest_time",
      sql`${t.digestTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`,
    ),
  ],
);

/**
 * The scheduler's record that a person's daily digest was considered on a UK
 * day — written whether or not there was anything to send, so a digest is
 * worked out once per person per day however many nodes tick.
 */
export const dailyDigestRuns = pgTable(
  "daily_digest_runs",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    day: date("day", { mode: "string" }).notNull(),
    /** The digest notice written, or null when there was nothing in it. */
    noticeId: uuid("notice_id").references(() => notices.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
