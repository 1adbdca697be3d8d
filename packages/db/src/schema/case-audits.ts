import type { AuditGrade, CaseAuditArea } from "@teamaround/domain";
import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { createdAt, id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { auditGrade } from "./oversight-enums";
import { users } from "./users";

export interface AuditAreaGrade {
  area: CaseAuditArea;
  grade: AuditGrade;
  comment: string;
}

/** A quarterly random sample of cases drawn for audit. */
export const auditSamples = pgTable("audit_samples", {
  id: id(),
  agencyId: uuid("agency_id")
    .notNull()
    .references(() => agencies.id),
  /** e.g. "2026-Q3". */
  quarter: text("quarter").notNull(),
  familyIds: uuid("family_ids").array().notNull(),
  drawnBy: uuid("drawn_by")
    .notNull()
    .references(() => users.id),
  drawnAt: timestamp("drawn_at", { withTimezone: true }).notNull(),
});

/**
 * A manager's audit of one case file against the authority's grade
 * descriptors; the lead professional reads the feedback and acknowledges it.
 */
export const caseAudits = pgTable(
  "case_audits",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    sampleId: uuid("sample_id").references(() => auditSamples.id),
    auditorId: uuid("auditor_id")
      .notNull()
      .references(() => users.id),
    /** The lead professional whose work was audited, who acknowledges it. */
    practitionerId: uuid("practitioner_id").references(() => users.id),
    auditedOn: date("audited_on", { mode: "string" }).notNull(),
    grade: auditGrade("grade").notNull(),
    areas: jsonb("areas").$type<AuditAreaGrade[]>().notNull(),
    feedback: text("feedback").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    practitionerResponse: text("practitioner_response"),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_audits_family_idx").on(t.familyId),
    index("case_audits_practitioner_idx").on(t.practitionerId),
    index("case_audits_audited_idx").on(t.auditedOn),
    index("case_audits_episode_idx").on(t.episodeId),
  ],
);
