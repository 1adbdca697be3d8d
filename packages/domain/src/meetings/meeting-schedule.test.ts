import { describe, expect, it } from "vitest";
import { meetingTimeliness, nextMeetingDue } from "./meeting-schedule";

const day = 86_400_000;
const start = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * day);
const facts = {
  planInPlaceAt: start,
  firstTacWorkingDays: 15,
  lastEndedAt: null,
  lastWasClosing: false,
  nextReviewOn: null,
  reviewMinWeeks: 6,
  reviewMaxWeeks: 12,
};

describe("nextMeetingDue", () => {
  it("puts the first TAC within the authority's working days of the assessment's completion", () => {
    // Monday 2 March + 15 working days = Monday 23 March (three weekends skipped).
    expect(nextMeetingDue(facts)).toEqual({
      kind: "initial",
      from: start,
      by: new Date("2026-03-23T23:59:59.999Z"),
    });
    expect(nextMeetingDue({ ...facts, firstTacWorkingDays: 10 })?.by).toEqual(
      new Date("2026-03-16T23:59:59.999Z"),
    );
  });

  it("has no meeting due while the family is being assessed", () => {
    expect(nextMeetingDue({ ...facts, planInPlaceAt: null })).toBeNull();
  });

  it("takes the next review date the last review set", () => {
    expect(nextMeetingDue({ ...facts, lastEndedAt: at(10), nextReviewOn: "2026-05-01" })).toEqual({
      kind: "review",
      from: at(10 + 42),
      by: new Date("2026-05-01T23:59:59.999Z"),
    });
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
    ["initial", at(21), initial, "on_time"],
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
