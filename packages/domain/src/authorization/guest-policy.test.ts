import { describe, expect, it } from "vitest";
import { documentAccess, openDocument } from "../documents/document.policy";
import { meetingJoinRefusal, waitsInLobby } from "../meetings/meeting.policy";
import type { FamilyAccess } from "./actor";
import { relationshipOf } from "./actor";
import { familyPermissions } from "./family-permissions";
import { familyAbilities } from "./family-policy";
import { globalAbilities } from "./global-policy";
import { authorizeMeeting, canInMeeting, guestMeetingActions } from "./guest-policy";

const base = {
  familyId: "f1",
  familyStatus: "plan_active" as const,
  owningAgencyId: "agency-1",
  teamRole: null,
  familyMemberId: null,
};
const guestActor = { userId: "g", role: "guest" as const, agencyId: null };

function guest(grant: FamilyAccess["guest"]): FamilyAccess {
  return { ...base, actor: guestActor, guest: grant };
}

const reader = guest({ meetingId: "m1", mayWrite: false });
const writer = guest({ meetingId: "m1", mayWrite: true });
const lapsed = guest(null);
const meetingActions = Object.keys(
  familyPermissions.meeting,
) as (keyof typeof familyPermissions.meeting)[];

describe("guest policy", () => {
  it("a guest with a current invitation is a guest; without one an outsider", () => {
    expect(relationshipOf(reader)).toBe("guest");
    expect(relationshipOf(lapsed)).toBe("outsider");
  });

  it.each(meetingActions)("meeting.%s in their own meeting and in another", (action) => {
    expect(canInMeeting(reader, "m1", action)).toBe(guestMeetingActions.includes(action));
    expect(canInMeeting(reader, "m2", action)).toBe(false);
    expect(canInMeeting(lapsed, "m1", action)).toBe(false);
  });

  it("refuses another meeting as not found and a chair's action in their own as forbidden", () => {
    expect(() => authorizeMeeting(reader, "m2", "read")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => authorizeMeeting(reader, "m1", "end")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => authorizeMeeting(lapsed, "m1", "read")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => authorizeMeeting(reader, "m1", "read")).not.toThrow();
  });

  it("grants nothing of the family table, and nothing global but reading their own guest meeting", () => {
    for (const row of Object.values(familyAbilities(reader))) {
      expect(Object.values(row).every((allowed) => !allowed)).toBe(true);
    }
    const { guest_meeting, ...others } = globalAbilities(guestActor);
    expect(guest_meeting).toEqual({ read: true });
    for (const row of Object.values(others)) {
      expect(Object.values(row).every((allowed) => !allowed)).toBe(true);
    }
  });

  it("opens the plan only: read-only unless the lead allowed writing, read-only once closed", () => {
    expect(documentAccess(reader, "plan")).toBe("read-only");
    expect(documentAccess(writer, "plan")).toBe("read-write");
    expect(documentAccess({ ...writer, familyStatus: "closed" }, "plan")).toBe("read-only");
    expect(openDocument(writer, "voice")).toEqual({ refused: "not_found" });
    expect(openDocument(writer, "notes")).toEqual({ refused: "not_found" });
    expect(openDocument(lapsed, "plan")).toEqual({ refused: "not_found" });
  });

  it("joins their own live meeting only", () => {
    const meeting = {
      meetingId: "m1",
      familyId: "f1",
      state: "live" as const,
      invitedUserIds: [],
      invitedMemberIds: [],
    };
    expect(meetingJoinRefusal(reader, meeting)).toBeNull();
    expect(meetingJoinRefusal(reader, { ...meeting, meetingId: "m2" })).toBe("not_allowed");
    expect(meetingJoinRefusal(reader, { ...meeting, state: "ended" })).toBe("not_live");
    expect(meetingJoinRefusal(lapsed, meeting)).toBe("not_allowed");
    expect(waitsInLobby(reader)).toBe(true);
  });
});
