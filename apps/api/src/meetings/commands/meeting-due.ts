import { type Executor, type FamilyRow, loadNextMeetingDues, meetings } from "@teamaround/db";
import type { MeetingDue } from "@teamaround/domain";
import { and, eq, inArray } from "drizzle-orm";

type DueFamily = Pick<FamilyRow, "id" | "authorityId" | "status">;

/** When the family's next meeting falls due, from the authority's settings and the last meeting held. */
export async function loadNextMeetingDue(
  db: Executor,
  family: DueFamily,
): Promise<MeetingDue | null> {
  return (await loadNextMeetingDues(db, [family])).get(family.id) ?? null;
}

export { loadNextMeetingDues } from "@teamaround/db";

/** Whether the family has a meeting scheduled or under way. */
export async function hasUpcomingMeeting(db: Executor, familyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.familyId, familyId), inArray(meetings.state, ["scheduled", "live"])))
    .limit(1);
  return rows.length > 0;
}
