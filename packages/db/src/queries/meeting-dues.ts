import { type MeetingDue, nextMeetingDue } from "@teamaround/domain";
import { and, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { episodes, type families, localAuthorities, meetings, reviews } from "../schema";

type DueFamily = Pick<typeof families.$inferSelect, "id" | "authorityId" | "status">;

/**
 * When each family's next meeting falls due, from the authority's settings and
 * the last meeting held, by family id: the family's meetings page, the lead's
 * "My work" and the daily digest all come here, so they agree.
 */
export async function loadNextMeetingDues(
  db: Executor,
  list: readonly DueFamily[],
): Promise<Map<string, MeetingDue | null>> {
  const open = list.filter((f) => f.status !== "closed");
  const dues = new Map<string, MeetingDue | null>(list.map((f) => [f.id, null]));
  if (open.length === 0) return dues;
  const ids = open.map((f) => f.id);
  const authorities = await db
    .select({
      id: localAuthorities.id,
      min: localAuthorities.reviewMinWeeks,
      max: localAuthorities.reviewMaxWeeks,
      firstTacWorkingDays: localAuthorities.firstTacWorkingDays,
    })
    .from(localAuthorities)
    .where(inArray(localAuthorities.id, [...new Set(open.map((f) => f.authorityId))]));
  const current = await db
    .selectDistinctOn([episodes.familyId], {
      familyId: episodes.familyId,
      openedAt: episodes.openedAt,
      planInPlaceAt: episodes.planInPlaceAt,
    })
    .from(episodes)
    .where(inArray(episodes.familyId, ids))
    .orderBy(episodes.familyId, desc(episodes.number));
  // Meetings of earlier episodes do not count: each episode starts its own clock.
  const lastHeld = await db
    .selectDistinctOn([meetings.familyId], {
      familyId: meetings.familyId,
      endedAt: meetings.endedAt,
      kind: meetings.kind,
      nextReviewOn: reviews.nextReviewOn,
    })
    .from(meetings)
    .innerJoin(
      episodes,
      and(eq(episodes.familyId, meetings.familyId), gte(meetings.endedAt, episodes.openedAt)),
    )
    .leftJoin(reviews, eq(reviews.meetingId, meetings.id))
    .where(
      and(inArray(meetings.familyId, ids), eq(meetings.state, "ended"), isNull(episodes.closedAt)),
    )
    .orderBy(meetings.familyId, desc(meetings.endedAt));
  for (const family of open) {
    const authority = authorities.find((a) => a.id === family.authorityId);
    const episode = current.find((e) => e.familyId === family.id);
    const last = lastHeld.find((m) => m.familyId === family.id);
    dues.set(
      family.id,
      nextMeetingDue({
        planInPlaceAt: episode?.planInPlaceAt ?? null,
        firstTacWorkingDays: authority?.firstTacWorkingDays ?? 15,
        lastEndedAt: last?.endedAt ?? null,
        lastWasClosing: last?.kind === "closing",
        nextReviewOn: last?.nextReviewOn ?? null,
        reviewMinWeeks: authority?.min ?? 6,
        reviewMaxWeeks: authority?.max ?? 12,
      }),
    );
  }
  return dues;
}
