import {
  agencies,
  type Executor,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  helpRequests,
  outcomes,
  users,
} from "@teamaround/db";
import { episodeEventKinds, type PlanItemSight } from "@teamaround/domain";
import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { EpisodeSchema } from "./episodes.schema";

type Episode = z.infer<typeof EpisodeSchema>;

const closer = alias(users, "closer");
const asker = alias(agencies, "asker");
const person = (id: string | null, displayName: string | null) =>
  id && displayName ? { id, displayName } : null;

/**
 * Every episode of one family, newest first, with its events, its request
 * and whether each outcome was met. `withNotes: false` (the family's view)
 * leaves out event notes, the closure summary and the request (but says, in
 * general terms, who asked for help: the family or a kind of service).
 * Outcome results whose outcome the reader may not see (`sight`) are left out.
 */
export async function listEpisodes(
  db: Executor,
  familyId: string,
  withNotes: boolean,
  sight: PlanItemSight,
): Promise<Episode[]> {
  const rows = await db
    .select({
      episode: episodes,
      closerName: closer.displayName,
      request: helpRequests,
      askerType: asker.type,
    })
    .from(episodes)
    .leftJoin(closer, eq(closer.id, episodes.closedBy))
    .leftJoin(helpRequests, eq(helpRequests.id, episodes.requestId))
    .leftJoin(asker, eq(asker.id, helpRequests.requesterAgencyId))
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number));
  const events = await db
    .select({ event: episodeEvents, byName: users.displayName })
    .from(episodeEvents)
    .leftJoin(users, eq(users.id, episodeEvents.by))
    .where(eq(episodeEvents.familyId, familyId))
    .orderBy(asc(episodeEvents.at));
  // Events of the same instant (an episode opened by a step-down) in the order they happen.
  events.sort(
    (a, b) =>
      a.event.at.getTime() - b.event.at.getTime() ||
      episodeEventKinds.indexOf(a.event.kind) - episodeEventKinds.indexOf(b.event.kind),
  );
  const results = await db
    .select({
      episodeId: episodeOutcomeResults.episodeId,
      outcomeId: episodeOutcomeResults.outcomeId,
      title: outcomes.title,
      result: episodeOutcomeResults.result,
    })
    .from(episodeOutcomeResults)
    .innerJoin(outcomes, eq(outcomes.id, episodeOutcomeResults.outcomeId))
    .where(eq(outcomes.familyId, familyId));
  return rows.map(({ episode: e, closerName, request, askerType }) => ({
    id: e.id,
    number: e.number,
    origin: e.origin,
    status: e.status,
    openedAt: e.openedAt.toISOString(),
    planInPlaceAt: e.planInPlaceAt?.toISOString() ?? null,
    closedAt: e.closedAt?.toISOString() ?? null,
    closedBy: person(e.closedBy, closerName),
    closureReason: e.closureReason,
    closureSummary: withNotes ? e.closureSummary : null,
    request:
      withNotes && request
        ? {
            id: request.id,
            requestedOn: request.requestedOn,
            requesterKind: request.requesterKind,
            requesterName: request.requesterName,
          }
        : null,
    askedBy: request?.requesterKind === "family" ? "family" : askerType,
    reReferralOfEpisodeId: withNotes ? (request?.reReferralOfEpisodeId ?? null) : null,
    outcomeResults: results
      .filter((r) => r.episodeId === e.id && sight.outcome(r.outcomeId))
      .map(({ outcomeId, title, result }) => ({ outcomeId, title, result })),
    events: events
      .filter(({ event }) => event.episodeId === e.id)
      .map(({ event, byName }) => ({
        id: event.id,
        kind: event.kind,
        at: event.at.toISOString(),
        by: person(event.by, byName),
        levelOfNeed: event.levelOfNeed,
        note: withNotes ? event.note : null,
      })),
  }));
}
