import { type FamilyAccess, relationshipOf } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import { canInMeeting } from "../authorization/guest-policy";
import type { MeetingState } from "./meeting.schema";

/** What the join check needs to know of a meeting. */
export interface MeetingForJoin {
  /** Needed to admit a guest, whose invitation names one meeting. */
  meetingId?: string;
  familyId: string;
  state: MeetingState;
  invitedUserIds: readonly string[];
  invitedMemberIds: readonly string[];
}

export type JoinRefusal = "not_allowed" | "not_invited" | "not_live";

/**
 * Who may be in a live meeting room: the lead professional (who chairs), and
 * team members and family members who were invited, while the meeting is live.
 * Service managers and people not invited are refused. A guest partner's
 * invitation is to this one meeting (`canInMeeting`).
 */
export function meetingJoinRefusal(
  access: FamilyAccess,
  meeting: MeetingForJoin,
): JoinRefusal | null {
  if (access.actor.role === "guest") {
    const allowed =
      access.familyId === meeting.familyId &&
      meeting.meetingId !== undefined &&
      canInMeeting(access, meeting.meetingId, "join");
    if (!allowed) return "not_allowed";
    return meeting.state === "live" ? null : "not_live";
  }
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

/**
 * The lobby's rule: who waits for the chair to let them into a live meeting.
 * Family members and guest partners do (the chair decides when each joins the
 * discussion); practitioners in the team go straight in.
 */
export function waitsInLobby(access: FamilyAccess): boolean {
  const relationship = relationshipOf(access);
  return relationship === "family_member" || relationship === "guest";
}
