import type { GuestGrant } from "@teamaround/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { meetingGuests, meetings } from "../schema";
import { inUuids } from "./array-params";

/**
 * The invitations that still let guest accounts in, by `userId:familyId`: not
 * revoked, and the meeting neither ended nor cancelled. The invitation's time
 * limit is the guest session's own absolute expiry (`createGuestSession`), so
 * it is judged with the session, by the one sign-in rule.
 */
export async function currentGuestGrants(
  db: Executor,
  userIds: readonly string[],
  familyIds: readonly string[],
): Promise<Map<string, GuestGrant>> {
  const grants = new Map<string, GuestGrant>();
  if (userIds.length === 0 || familyIds.length === 0) return grants;
  const rows = await db
    .select({
      userId: meetingGuests.userId,
      familyId: meetingGuests.familyId,
      meetingId: meetingGuests.meetingId,
      mayWrite: meetingGuests.mayWrite,
    })
    .from(meetingGuests)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingGuests.meetingId), eq(meetings.familyId, meetingGuests.familyId)),
    )
    .where(
      and(
        inUuids(meetingGuests.userId, [...userIds]),
        inUuids(meetingGuests.familyId, [...familyIds]),
        isNull(meetingGuests.revokedAt),
        inArray(meetings.state, ["scheduled", "live"]),
      ),
    );
  for (const row of rows) {
    grants.set(`${row.userId}:${row.familyId}`, {
      meetingId: row.meetingId,
      mayWrite: row.mayWrite,
    });
  }
  return grants;
}
