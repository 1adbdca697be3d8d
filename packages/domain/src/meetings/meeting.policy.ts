import { type FamilyAccess, relationshipOf } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import type { MeetingState } from "./meeting.schema";

/** What the join check needs to know of a meeting. */
export interface MeetingForJoin {
  familyId: string;
  state: MeetingState;
  invitedUserIds: readonly string[];
  invitedMemberIds: readonly string[];
}

export type JoinRefusal = "not_allowed" | "not_invited" | "not_live";

/**
 * Who may be in a live meeting room: the lead professional (who chairs), and
 * team members and family members who were invited, while the meeting is live.
 * Service managers and people not invited are refused.
 */
export function meetingJoinRefusal(
  access: FamilyAccess,
  meeting: MeetingForJoin,
): JoinRefusal | null {
  if (access.familyId !== meeting.familyId || !can(access, "meeting", "join")) {
    return "not_allowed";
  }
  const relationship = relationshipOf(access);
  const invited =
    relationship === "lead_professional" ||
    (relationship === "family_member"
      ? access.familyMemberId !== null && meeting.invitedMemberIds.includes(access.familyMemberId)
      : meeting.invitedUserIds.includes(access.actor.userId));
  if (!invited) return "not_invited";
  return meeting.state === "live" ? null : "not_live";
}

export function canJoinMeeting(access: FamilyAccess, meeting: MeetingForJoin): boolean {
  return meetingJoinRefusal(access, meeting) === null;
}
