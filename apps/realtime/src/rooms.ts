/**
 * The only place Socket.io room names are built. The server decides which
 * rooms a socket joins; a client never names a room.
 */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const familyRoom = (familyId: string) => `family:${familyId}`;
export const userRoom = (userId: string) => `user:${userId}`;
