import type { PlanVersionContent, VersionSnapshots } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { families } from "./families";
import { meetings } from "./meetings";

/**
 * The plan as it stood when a meeting ended. Immutable: a trigger (see the
 * migrations) refuses UPDATE, DELETE and TRUNCATE. `content_hash` is the
 * SHA-256 of the canonical JSON of `{ content, snapshots }`.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    meetingId: uuid("meeting_id").notNull(),
    /** 1, 2, 3… within the family. */
    number: integer("number").notNull(),
    content: jsonb("content").$type<PlanVersionContent>().notNull(),
    snapshots: jsonb("snapshots").$type<VersionSnapshots>().notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "plan_versions_meeting_fk",
      columns: [t.meetingId, t.familyId],
      foreignColumns: [meetings.id, meetings.familyId],
    }),
    uniqueIndex("plan_versions_meeting_id_key").on(t.meetingId),
    uniqueIndex("plan_versions_family_number_key").on(t.familyId, t.number),
    check("plan_versions_content_hash_check", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
