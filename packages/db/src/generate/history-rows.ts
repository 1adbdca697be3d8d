import type { Executor } from "../client";
import {
  actionOwners,
  actions,
  assessments,
  caseAudits,
  consents,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  familyMembers,
  feedbackAnswers,
  feedbackInvitations,
  helpRequests,
  meetings,
  needScores,
  outcomes,
  reviews,
  signOffDecisions,
  sustainabilityChecks,
  teamMemberships,
} from "../schema";
import { insertInBatches } from "./batch-insert";

/** Rows of a slice of families, held until they are written together. */
export function emptyHistoryRows() {
  return {
    families: [] as (typeof families.$inferInsert)[],
    members: [] as (typeof familyMembers.$inferInsert)[],
    requests: [] as (typeof helpRequests.$inferInsert)[],
    episodes: [] as (typeof episodes.$inferInsert)[],
    events: [] as (typeof episodeEvents.$inferInsert)[],
    consents: [] as (typeof consents.$inferInsert)[],
    team: [] as (typeof teamMemberships.$inferInsert)[],
    assessments: [] as (typeof assessments.$inferInsert)[],
    signOffs: [] as (typeof signOffDecisions.$inferInsert)[],
    meetings: [] as (typeof meetings.$inferInsert)[],
    reviews: [] as (typeof reviews.$inferInsert)[],
    scores: [] as (typeof needScores.$inferInsert)[],
    outcomes: [] as (typeof outcomes.$inferInsert)[],
    actions: [] as (typeof actions.$inferInsert)[],
    owners: [] as (typeof actionOwners.$inferInsert)[],
    results: [] as (typeof episodeOutcomeResults.$inferInsert)[],
    invitations: [] as (typeof feedbackInvitations.$inferInsert)[],
    answers: [] as (typeof feedbackAnswers.$inferInsert)[],
    checks: [] as (typeof sustainabilityChecks.$inferInsert)[],
    audits: [] as (typeof caseAudits.$inferInsert)[],
  };
}

export type HistoryRows = ReturnType<typeof emptyHistoryRows>;

/** Writes the rows in the order their foreign keys need, as multi-row inserts. */
export async function writeHistoryRows(db: Executor, rows: HistoryRows): Promise<void> {
  await insertInBatches(db, families, rows.families);
  await insertInBatches(db, familyMembers, rows.members);
  await insertInBatches(db, helpRequests, rows.requests);
  await insertInBatches(db, episodes, rows.episodes);
  await insertInBatches(db, episodeEvents, rows.events);
  await insertInBatches(db, consents, rows.consents);
  await insertInBatches(db, teamMemberships, rows.team);
  await insertInBatches(db, assessments, rows.assessments);
  await insertInBatches(db, signOffDecisions, rows.signOffs);
  await insertInBatches(db, meetings, rows.meetings);
  await insertInBatches(db, reviews, rows.reviews);
  await insertInBatches(db, needScores, rows.scores);
  await insertInBatches(db, outcomes, rows.outcomes);
  await insertInBatches(db, actions, rows.actions);
  await insertInBatches(db, actionOwners, rows.owners);
  await insertInBatches(db, episodeOutcomeResults, rows.results);
  await insertInBatches(db, feedbackInvitations, rows.invitations);
  await insertInBatches(db, feedbackAnswers, rows.answers);
  await insertInBatches(db, sustainabilityChecks, rows.checks);
  await insertInBatches(db, caseAudits, rows.audits);
}

/** How many rows of each kind, for the generator's report. */
export function countHistoryRows(rows: HistoryRows): Record<keyof HistoryRows, number> {
  return Object.fromEntries(
    Object.entries(rows).map(([key, list]) => [key, list.length]),
  ) as Record<keyof HistoryRows, number>;
}
