import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { createdAt, id } from "./columns";
import { userRole, userStatus } from "./enums";
import { localAuthorities } from "./local-authorities";

export const users = pgTable(
  "users",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    /** Stored lower-cased; compared lower-cased. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    jobTitle: text("job_title"),
    role: userRole("role").notNull(),
    /** Staff belong to an agency; family members do not. */
    agencyId: uuid("agency_id").references(() => agencies.id),
    /** The manager who supervises this practitioner (their team's manager). */
    managerId: uuid("manager_id"),
    status: userStatus("status").notNull().default("invited"),
    passwordHash: text("password_hash"),
    /** TOTP secret (raw bytes, base64); set once enrolment is confirmed. */
    totpKey: text("totp_key"),
    /** A TOTP secret offered at enrolment and not yet confirmed. */
    totpPendingKey: text("totp_pending_key"),
    /** The last 30-second step a code was accepted for: a code works once. */
    totpLastStep: integer("totp_last_step"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Optimistic concurrency for administrators' edits (details and status). */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    // A manager's line-managed team.
    index("users_manager_id_idx").on(t.managerId).where(sql`${t.managerId} is not null`),
  ],
);
