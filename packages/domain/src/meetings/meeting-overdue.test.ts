import { describe, expect, it } from "vitest";
import { isMeetingOverdue } from "./meeting-overdue";
import { nextMeetingDue } from "./meeting-schedule";

const facts = {
  planInPlaceAt: new Date("2026-09-01T09:00:00Z"),
  firstTacWorkingDays: 15,
  lastEndedAt: new Date("2026-09-10T10:00:00Z"),
  lastWasClosing: false,
  nextReviewOn: null,
  reviewMinWeeks: 6,
  reviewMaxWeeks: 12,
};

describe("isMeetingOverdue", () => {
  const due = nextMeetingDue(facts);

  it("is not overdue up to the latest date", () => {
    expect(isMeetingOverdue(due, new Date("2026-12-03T10:00:00Z"))).toBe(false);
  });

  it("is overdue the moment the latest date has passed", () => {
    expect(isMeetingOverdue(due, new Date("2026-12-03T10:00:01Z"))).toBe(true);
  });

  it("is never overdue when nothing falls due (the plan closed)", () => {
    const closed = nextMeetingDue({ ...facts, lastWasClosing: true });
    expect(isMeetingOverdue(closed, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
