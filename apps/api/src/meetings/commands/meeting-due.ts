import { type Executor, type FamilyRow, localAuthorities, meetings } from "@teamaround/db";
import { type MeetingDue, nextMeetingDue } from "@teamaround/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

type DueFamily = Pick<FamilyRow, "id" | "authorityId" | "status" | "createdAt">;

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
  const authorities = await db
    .select({
      id: localAuthorities.id,
      min: localAuthorities.reviewMinWeeks,
      max: localAuthorities.reviewMaxWeeks,
    })
    .from(localAuthorities)
    .where(inArray(localAuthorities.id, [...new Set(open.map((f) => f.authorityId))]));
  const lastHeld = await db
    .selectDistinctOn([meetings.familyId], {
      familyId: meetings.familyId,
      endedAt: meetings.endedAt,
      kind: meetings.kind,
    })
    .from(meetings)
    .where(
      and(
        inArray(
          meetings.familyId,
          open.map((f) => f.id),
        ),
        eq(meetings.state, "ended"),
      ),
    )
    .orderBy(meetings.familyId, desc(meetings.endedAt));
  for (const family of open) {
    const authority = authorities.find((a) => a.id === family.authorityId);
    const last = lastHeld.find((m) => m.familyId === family.id);
    dues.set(
      family.id,
      nextMeetingDue({
        assessmentStartedAt: family.createdAt,
        lastEndedAt: last?.endedAt ?? null,
        lastWasClosing: last?.kind === "closing",
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
