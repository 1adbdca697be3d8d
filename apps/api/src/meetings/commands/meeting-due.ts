import {
  type Executor,
  episodes,
  type FamilyRow,
  localAuthorities,
  meetings,
  reviews,
} from "@teamaround/db";
import { type MeetingDue, nextMeetingDue } from "@teamaround/domain";
import { and, desc, eq, gte, inArray, isNull } from "drizzle-orm";

type DueFamily = Pick<FamilyRow, "id" | "authorityId" | "status">;

/** When the family's next meeting falls due, from the authority's settings and the last meeting held. */
export async function loadNextMeetingDue(
  db: Executor,
  family: DueFamily,
): Promise<MeetingDue | null> {
  return (await loadNextMeetingDues(db, [family])).get(family.id) ?? null;
}

/**
 * The same for several families in two queries, by family id: the family's
 * meetings page and the lead's "My work" both come here, so they agree.
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

/** Whether the family has a meeting scheduled or under way. */
export async function hasUpcomingMeeting(db: Executor, familyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.familyId, familyId), inArray(meetings.state, ["scheduled", "live"])))
    .limit(1);
  return rows.length > 0;
}
