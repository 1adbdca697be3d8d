import { describe, expect, it } from "vitest";
import { meetingTimeliness, nextMeetingDue } from "./meeting-schedule";

const day = 86_400_000;
const start = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * day);
const facts = {
  assessmentStartedAt: start,
  lastEndedAt: null,
  lastWasClosing: false,
  reviewMinWeeks: 6,
  reviewMaxWeeks: 12,
};

describe("nextMeetingDue", () => {
  it("puts the first meeting within three weeks of the assessment", () => {
    expect(nextMeetingDue(facts)).toEqual({ kind: "initial", from: start, by: at(21) });
  });

  it("puts reviews between the authority's minimum and maximum after the last meeting", () => {
    expect(nextMeetingDue({ ...facts, lastEndedAt: at(10) })).toEqual({
      kind: "review",
      from: at(10 + 42),
      by: at(10 + 84),
    });
  });

  it("has nothing due after a closing meeting", () => {
    expect(nextMeetingDue({ ...facts, lastEndedAt: at(10), lastWasClosing: true })).toBeNull();
  });
});

describe("meetingTimeliness", () => {
  const initial = nextMeetingDue(facts);
  const review = nextMeetingDue({ ...facts, lastEndedAt: at(10) });

  it.each([
    ["initial", at(20), initial, "on_time"],
    ["initial", at(22), initial, "late"],
    ["review", at(10 + 41), review, "early"],
    ["review", at(10 + 60), review, "on_time"],
    ["review", at(10 + 85), review, "late"],
  ] as const)("a %s meeting on %s is %s", (kind, when, due, status) => {
    expect(meetingTimeliness(kind, when, due)?.status).toBe(status);
  });

  it("has no timescale for closing meetings", () => {
    expect(meetingTimeliness("closing", at(400), review)).toBeNull();
  });
});
