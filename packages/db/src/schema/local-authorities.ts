import { boolean, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export interface LevelOfNeedLabel {
  level: number;
  label: string;
  description: string;
}

/** One row per local authority using this installation; holds its local settings. */
export const localAuthorities = pgTable("local_authorities", {
  id: id(),
  name: text("name").notNull(),
  levelsOfNeed: jsonb("levels_of_need").$type<LevelOfNeedLabel[]>().notNull(),
  /** Reviews fall due between these many weeks after the last meeting. */
  reviewMinWeeks: integer("review_min_weeks").notNull().default(6),
  reviewMaxWeeks: integer("review_max_weeks").notNull().default(12),
  /** What this authority calls the lead professional (e.g. "Family Help Lead Practitioner"). */
  leadProfessionalTitle: text("lead_professional_title").notNull().default("Lead professional"),
  /** Completing an Early Help Assessment needs a manager's sign-off. */
  assessmentSignOffRequired: boolean("assessment_sign_off_required").notNull().default(true),
  /** Closing an episode needs a manager's sign-off: the lead proposes, a manager approves. */
  closureSignOffRequired: boolean("closure_sign_off_required").notNull().default(true),
  /** The lead submits the plan for a manager's sign-off. */
  planSignOffRequired: boolean("plan_sign_off_required").notNull().default(false),
  /** The first TAC meeting is due this many working days after the assessment is completed. */
  firstTacWorkingDays: integer("first_tac_working_days").notNull().default(15),
  /** What the ends of the 0–10 need score are called here. */
  scoreLowLabel: text("score_low_label").notNull().default("Very worried"),
  scoreHighLabel: text("score_high_label").notNull().default("All well"),
  /** Drift targets: a request is triaged, and an assessment completed, within these working days. */
  triageTargetWorkingDays: integer("triage_target_working_days").notNull().default(5),
  assessmentTargetWorkingDays: integer("assessment_target_working_days").notNull().default(45),
  /** An action this many days past its due date is drift. */
  actionOverdueDays: integer("action_overdue_days").notNull().default(14),
  /** The authority's localities (area teams), for filters and figures. */
  localities: text("localities").array().notNull().default([]),
  requireStaffTotp: boolean("require_staff_totp").notNull().default(false),
  /**
   * Staff single sign-on through the council's identity provider (OpenID
   * Connect). Offered when the issuer and client id are set; the client
   * secret comes from the environment, never from here.
   */
  oidcIssuer: text("oidc_issuer"),
  oidcClientId: text("oidc_client_id"),
  /** The button's words: "Sign in with Northshire Council". */
  oidcDisplayName: text("oidc_display_name"),
  /** Staff must use single sign-on (administrators keep password and TOTP as a way in). */
  requireStaffSso: boolean("require_staff_sso").notNull().default(false),
  /** Emails about a person's actions may name the family (off: a link only). */
  noticeFamilyNames: boolean("notice_family_names").notNull().default(false),
  /**
   * How long a closed family's record is kept before it falls due for review:
   * `youngest_child_age` (until the youngest child is `retentionYears`) or
   * `years_after_closure` (see `retentionDueOn` in the domain).
   */
  retentionRuleKind: text("retention_rule_kind").notNull().default("youngest_child_age"),
  retentionYears: integer("retention_years").notNull().default(25),
  /** Optimistic concurrency: a stale edit of the settings answers 409. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});
