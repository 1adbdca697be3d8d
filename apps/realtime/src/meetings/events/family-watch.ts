import { recordRealtimeAudit } from "@teamaround/db";
import { can } from "@teamaround/domain";
import { familyRoomsFor } from "../../rooms";
import { sourceOf } from "../audit";
import type { FamilyEventHandler, SelfEventHandler } from "../meeting-context";

/**
 * `family:watch`: once the wrapper has checked the session and the family-read
 * policy, the socket joins the family's rooms for its audience — staff also
 * hear of records hidden from the family (`noticeRoom`) — and hears `notice`
 * from then on. One `family.watch` audit event per watch, none per notice.
 */
export const watchFamily: FamilyEventHandler<"family:watch"> = async (
  ctx,
  { familyId },
  access,
) => {
  const { socket } = ctx;
  if (!socket.data.watching.includes(familyId)) {
    const staff = can(access, "sharing", "read_hidden");
    await recordRealtimeAudit(ctx.db, sourceOf(socket), {
      event: "family.watch",
      familyId,
      resourceType: "family",
      resourceId: familyId,
      details: { audience: staff ? "staff" : "family" },
    });
    if (socket.disconnected) return { familyId };
    socket.data.watching = [...socket.data.watching, familyId];
    await socket.join(familyRoomsFor(familyId, staff));
  }
  return { familyId };
};

/** `family:unwatch`: out of the family's rooms, unless one of its meetings still holds the socket. */
export const unwatchFamily: SelfEventHandler<"family:unwatch"> = async (ctx, { familyId }) => {
  const { socket } = ctx;
  if (!socket.data.watching.includes(familyId)) return null;
  socket.data.watching = socket.data.watching.filter((id) => id !== familyId);
  const inMeeting = Object.values(socket.data.meetings).some((m) => m.familyId === familyId);
  if (!inMeeting) for (const room of familyRoomsFor(familyId, true)) await socket.leave(room);
  return null;
};
