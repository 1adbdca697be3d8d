import { describe, expect, it } from "vitest";
import {
  attendanceByPerson,
  nextMeetingAfter,
  recordResponseDeadline,
  recordResponseRefusal,
} from "./meeting-record";

const at = (iso: string) => new Date(iso);

describe("recordResponseRefusal", () => {
  const endedAt = at("2026-03-10T11:00:00Z");
  const base = { endedAt, attended: true, alreadyConfirmed: false, now: endedAt };

  it("lets an attendee confirm or comment within the week", () => {
    expect(recordResponseRefusal({ ...base, kind: "confirmed" })).toBeNull();
    expect(
      recordResponseRefusal({ ...base, kind: "commented", now: at("2026-03-17T11:00:00Z") }),
    ).toBeNull();
  });

  it.each([
    [{ endedAt: null }, "not_ended"],
    [{ attended: false }, "not_attended"],
    [{ now: at("2026-03-17T11:00:01Z") }, "window_closed"],
    [{ alreadyConfirmed: true }, "already_confirmed"],
  ] as const)("refuses %o as %s", (change, refusal) => {
    expect(recordResponseRefusal({ ...base, kind: "confirmed", ...change })).toBe(refusal);
  });

  it("lets someone who confirmed still comment", () => {
    expect(
      recordResponseRefusal({ ...base, alreadyConfirmed: true, kind: "commented" }),
    ).toBeNull();
  });

  it("closes seven days after the meeting ends", () => {
    expect(recordResponseDeadline(endedAt).toISOString()).toBe("2026-03-17T11:00:00.000Z");
  });
});

describe("attendanceByPerson", () => {
  it("groups each person's joins and leaves in the order they first came", () => {
    const row = (userId: string, joined: string, left: string | null) => ({
      userId,
      name: userId,
      role: "practitioner",
      agencyName: null,
      joinedAt: at(joined),
      leftAt: left ? at(left) : null,
    });
    const people = attendanceByPerson([
      row("b", "2026-03-10T10:05:00Z", "2026-03-10T10:20:00Z"),
      row("a", "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z"),
      row("b", "2026-03-10T10:30:00Z", null),
    ]);
    expect(people.map((p) => p.userId)).toEqual(["a", "b"]);
    expect(people[1]?.spans).toEqual([
      { joinedAt: at("2026-03-10T10:05:00Z"), leftAt: at("2026-03-10T10:20:00Z") },
      { joinedAt: at("2026-03-10T10:30:00Z"), leftAt: null },
    ]);
  });
});

describe("nextMeetingAfter", () => {
  const held = {
    id: "m1",
    startedAt: at("2026-03-10T10:00:00Z"),
    scheduledFor: at("2026-03-10T09:00:00Z"),
  };
  it("is the earliest booked meeting after this one began, never a cancelled one", () => {
    const next = nextMeetingAfter(
      [
        { id: "m1", state: "ended", scheduledFor: held.scheduledFor },
        { id: "m0", state: "ended", scheduledFor: at("2026-01-10T10:00:00Z") },
        { id: "m4", state: "scheduled", scheduledFor: at("2026-06-10T10:00:00Z") },
        { id: "m3", state: "cancelled", scheduledFor: at("2026-04-10T10:00:00Z") },
        { id: "m2", state: "scheduled", scheduledFor: at("2026-05-10T10:00:00Z") },
      ],
      held,
    );
    expect(next?.id).toBe("m2");
  });
  it("is null when nothing is booked", () => {
    expect(nextMeetingAfter([], held)).toBeNull();
  });
});
