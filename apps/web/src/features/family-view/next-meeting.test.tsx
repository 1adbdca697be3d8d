import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Meeting } from "../../api/types";
import { nextMeetingText } from "../my-work/my-families";
import { NextMeeting } from "./our-plan-sections";

const booked = (scheduledFor: string, durationMinutes: number) =>
  ({
    id: scheduledFor,
    state: "scheduled",
    scheduledFor,
    durationMinutes,
    location: null,
  }) as unknown as Meeting;

describe("the next meeting's length", () => {
  it("tells the family how long their next meeting should last", () => {
    render(
      <NextMeeting
        meetings={[booked("2026-12-09T10:00:00.000Z", 90), booked("2026-12-08T10:00:00.000Z", 60)]}
      />,
    );
    expect(screen.getByText(/Your next meeting is on/).textContent).toMatch(
      /It should last about 1 hour\.$/,
    );
  });

  it("shows practitioners the soonest meeting's time and length", () => {
    expect(nextMeetingText([booked("2026-12-08T10:00:00.000Z", 90)], undefined)).toMatch(
      /\(1 hour 30 minutes\)$/,
    );
  });
});
