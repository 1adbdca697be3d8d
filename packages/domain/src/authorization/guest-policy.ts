import { notFound } from "../shared/app-error";
import { AccessRefused } from "./access-refused";
import { type FamilyAccess, relationshipOf } from "./actor";
import type { FamilyAction } from "./family-permissions";
import { authorize, can } from "./family-policy";
import { refusalMessage } from "./refusal-messages";

export type MeetingAction = FamilyAction<"meeting">;

/**
 * What a guest partner may do in the one meeting they were invited to, as
 * data: be in the room and its call, chat, raise a hand. The family table
 * (`familyPermissions`) lists no guest anywhere, so every other family route
 * refuses them as an outsider (404); their one meeting is reached only
 * through `canInMeeting`/`authorizeMeeting`.
 * Writing in the plan is decided per invitation (`guestDocumentAccess`).
 */
export const guestMeetingActions: readonly MeetingAction[] = [
  "read",
  "join",
  "chat",
  "raise_hand",
  "call",
];

function isGuestsMeeting(access: FamilyAccess, meetingId: string): boolean {
  return relationshipOf(access) === "guest" && access.guest?.meetingId === meetingId;
}

/**
 * The one check for an action on one meeting: a guest is judged by their
 * invitation (this meeting only), everyone else by the family table.
 */
export function canInMeeting(
  access: FamilyAccess,
  meetingId: string,
  action: MeetingAction,
): boolean {
  if (access.actor.role === "guest") {
    return isGuestsMeeting(access, meetingId) && guestMeetingActions.includes(action);
  }
  return can(access, "meeting", action);
}

/**
 * Throws unless `canInMeeting` allows it. A guest is told another meeting
 * does not exist (404) and is refused other actions in their own (403);
 * everyone else is refused exactly as `authorize` refuses.
 */
export function authorizeMeeting(
  access: FamilyAccess,
  meetingId: string,
  action: MeetingAction,
): void {
  if (access.actor.role !== "guest") {
    authorize(access, "meeting", action);
    return;
  }
  if (canInMeeting(access, meetingId, action)) return;
  const refused = { familyId: access.familyId, resource: "meeting", action };
  if (!isGuestsMeeting(access, meetingId)) {
    throw new AccessRefused("not_found", notFound("That meeting").message, refused);
  }
  throw new AccessRefused("forbidden", refusalMessage("meeting", action), refused);
}

/** The plan is the only live document a guest opens: read-only unless the lead allowed writing. */
export function guestDocumentAccess(access: FamilyAccess): "read-write" | "read-only" | "none" {
  if (relationshipOf(access) !== "guest" || !access.guest) return "none";
  if (access.familyStatus === "closed") return "read-only";
  return access.guest.mayWrite ? "read-write" : "read-only";
}
