import { type FamilyChangedEvent, type Notice, staffOnlyNoticeResources } from "@teamaround/domain";

/**
 * The only place Socket.io room names are built. The server decides which
 * rooms a socket joins; a client never names a room.
 */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const familyRoom = (familyId: string) => `family:${familyId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** One person's in-app notices: joined through `notifications:watch`, never named by a client. */
export const notificationsRoom = (userId: string) => `notifications:${userId}`;
/** The family's practitioners and managers only: for notices the family may not see. */
export const familyStaffRoom = (familyId: string) => `family-staff:${familyId}`;

/** The family rooms a socket in one of the family's meetings belongs to. */
export const familyRoomsFor = (familyId: string, isStaff: boolean) =>
  isStaff ? [familyRoom(familyId), familyStaffRoom(familyId)] : [familyRoom(familyId)];

/** Where a live notice goes: records hidden from the family reach its staff only. */
export const noticeRoom = (notice: Pick<Notice, "familyId" | "resource">) =>
  staffOnlyNoticeResources.includes(notice.resource)
    ? familyStaffRoom(notice.familyId)
    : familyRoom(notice.familyId);

/**
 * Where the notice of a change goes: as `noticeRoom`, except that a record
 * whose audience within the family is narrower (`familySeenBy`) reaches the
 * staff and only the accounts of the family members who may see it.
 */
export const noticeRooms = (
  event: Pick<FamilyChangedEvent, "familyId" | "resource" | "familySeenBy">,
): string[] =>
  event.familySeenBy
    ? [familyStaffRoom(event.familyId), ...event.familySeenBy.map(userRoom)]
    : [noticeRoom(event)];

/** Who waits in a meeting's lobby for the chair (not in the meeting's room yet). */
export const lobbyRoom = (meetingId: string) => `meeting-lobby:${meetingId}`;
