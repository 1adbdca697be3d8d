import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { createdAt, id, updatedAt } from "./columns";
import { families } from "./families";
import { requesterKind, requestStatus } from "./journey-enums";
import { localAuthorities } from "./local-authorities";
import { users } from "./users";

/** A child named on a request for a family not yet known to the service. */
export interface RequestedChild {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}

/**
 * The front door: someone asks the receiving service for Early Help for a
 * family. Triage accepts it (a lead is allocated and an episode opens),
 * signposts it to another service, or does not accept it, with a reason.
 */
export const helpRequests = pgTable(
  "help_requests",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    /** The service asked to help; its managers and practitioners triage. */
    receivingAgencyId: uuid("receiving_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** A family already known; null when the request names a new family. */
    familyId: uuid("family_id").references(() => families.id),
    /** How the new family is to be named, e.g. "The Ashdown family". */
    familyName: text("family_name").notNull(),
    /** Children concerned when the family is new; existing families name member ids. */
    children: jsonb("children").$type<RequestedChild[]>().notNull().default([]),
    childMemberIds: uuid("child_member_ids").array().notNull().default([]),
    requesterKind: requesterKind("requester_kind").notNull(),
    /** The asking practitioner's agency (null when the family asked). */
    requesterAgencyId: uuid("requester_agency_id").references(() => agencies.id),
    /** Who asked, in words: the practitioner, or the family member who asked. */
    requesterName: text("requester_name").notNull(),
    /**
     * A family member who asked: where to tell them the outcome (plain words),
     * when they gave an address. Never set for a practitioner, who is told at
     * their account's address.
     */
    requesterEmail: text("requester_email"),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    /** The authority's locality the family lives in, when the asker knows it. */
    locality: text("locality"),
    worries: text("worries").notNull(),
    familyKnows: boolean("family_knows").notNull(),
    familyAgrees: boolean("family_agrees").notNull(),
    status: requestStatus("status").notNull().default("awaiting_triage"),
    /** Signposted: which service the family was pointed to. */
    signpostedTo: text("signposted_to"),
    /** Not accepted, or signposted: why, in words the asker can read. */
    triageReason: text("triage_reason"),
    triagedBy: uuid("triaged_by").references(() => users.id),
    triagedAt: timestamp("triaged_at", { withTimezone: true }),
    /** The lead professional allocated on acceptance. */
    allocatedLeadId: uuid("allocated_lead_id").references(() => users.id),
    /** The episode the acceptance opened. */
    episodeId: uuid("episode_id"),
    /** Set when the family's last episode closed within 12 months of the request. */
    reReferralOfEpisodeId: uuid("re_referral_of_episode_id"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("help_requests_receiving_idx").on(t.receivingAgencyId, t.status),
    index("help_requests_created_by_idx").on(t.createdBy),
    index("help_requests_family_idx").on(t.familyId),
    // The partnership's figures: requests received in a period.
    index("help_requests_requested_idx").on(t.authorityId, t.requestedOn),
    check(
      "help_requests_requester_agency",
      sql`(${t.requesterKind} = 'family') or (${t.requesterAgencyId} is not null)`,
    ),
    check(
      "help_requests_requester_email",
      sql`(${t.requesterEmail} is null) or (${t.requesterKind} = 'family')`,
    ),
    check(
      "help_requests_triaged",
      sql`(${t.status} = 'awaiting_triage') = (${t.triagedAt} is null)`,
    ),
  ],
);
