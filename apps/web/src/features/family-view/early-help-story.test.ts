import { describe, expect, it } from "vitest";
import { type Episode, storyOf } from "./early-help-story";

const base: Episode = {
  id: "6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
  number: 1,
  origin: "request_for_help",
  status: "closed",
  openedAt: "2026-03-03T09:00:00.000Z",
  planInPlaceAt: "2026-03-20T09:00:00.000Z",
  closedAt: "2026-07-10T09:00:00.000Z",
  closedBy: null,
  closureReason: "outcomes_met",
  closureSummary: null,
  request: null,
  askedBy: "school",
  reReferralOfEpisodeId: null,
  outcomeResults: [
    { outcomeId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", title: "School", result: "met" },
    { outcomeId: "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", title: "Money", result: "partly_met" },
  ],
  events: [],
};

describe("storyOf", () => {
  it("tells a closed time in plain words: who asked, the plan, the end and what was reached", () => {
    expect(storyOf(base)).toEqual([
      "Help started on 3 March 2026 after your school asked.",
      "Your plan was put in place on 20 March 2026.",
      "It ended on 10 July 2026, because things had got better.",
      "You reached 1 of the 2 things you wanted to change.",
    ]);
  });

  it("says help is still going on, and how it started after a step-down or when the family asked", () => {
    const open: Episode = {
      ...base,
      status: "assessment",
      planInPlaceAt: null,
      closedAt: null,
      closureReason: null,
      outcomeResults: [],
      askedBy: "family",
    };
    expect(storyOf(open)).toEqual([
      "Help started on 3 March 2026 after you asked for it.",
      "This help is still going on.",
    ]);
    expect(storyOf({ ...open, origin: "stepped_down", askedBy: null })[0]).toBe(
      "Help started on 3 March 2026, when children's social care passed your family back to Early Help.",
    );
  });
});
