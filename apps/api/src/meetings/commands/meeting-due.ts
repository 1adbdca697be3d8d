import { type Executor, type FamilyRow, localAuthorities, meetings } from "@teamaround/db";
import { type MeetingDue, nextMeetingDue } from "@teamaround/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

/** When the family's next meeting falls due, from the authority's settings and the last meeting held. */
export async function loadNextMeetingDue(
  db: Executor,
  family: FamilyRow,
): Promise<MeetingDue | null> {
  if (family.status === "closed") return null;
  const [authority] = await db
    .select({ min: localAuthorities.reviewMinWeeks, max: localAuthorities.reviewMaxWeeks })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, family.authorityId));
  const [last] = await db
    .select({ endedAt: meetings.endedAt, kind: meetings.kind })
    .from(meetings)
    .where(and(eq(meetings.familyId, family.id), eq(meetings.state, "ended")))
    .orderBy(desc(meetings.endedAt))
    .limit(1);
  return nextMeetingDue({
    assessmentStartedAt: family.createdAt,
    lastEndedAt: last?.endedAt ?? null,
    lastWasClosing: last?.kind === "closing",
    reviewMinWeeks: authority?.min ?? 6,
    reviewMaxWeeks: authority?.max ?? 12,
  });
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
