import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { userRole } from "./enums";

/**
 * Append-only: a trigger (see the migrations) refuses UPDATE and DELETE.
 * Holds no foreign keys so that it outlives anything it mentions.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorRole: userRole("actor_role"),
    /** `noun.verb`, e.g. `family.read`, `consent.withdraw`, `session.create`. */
    event: text("event").notNull(),
    familyId: uuid("family_id"),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_family_id_idx").on(t.familyId, t.at),
    index("audit_events_actor_id_idx").on(t.actorId, t.at),
  ],
);
