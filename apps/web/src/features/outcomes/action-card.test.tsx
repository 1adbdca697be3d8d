import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Action, PlanOutcome } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const nurseId = "7a0d0a6e-5a8e-4c55-9d61-1f7b8c1e2a33";
const base: Action = {
  id: "1b7e3c0a-2a1d-4e7e-9f0b-5c2d3e4f5a61",
  outcomeId: "2c8f4d1b-3b2e-4f8f-8a1c-6d3e4f5a6b72",
  text: "Walk Robin to school",
  dueDate: "2026-12-10",
  status: "open",
  overdue: false,
  completedAt: null,
  completedByName: null,
  needsNewOwner: false,
  ownersWhoLeft: [],
  version: 1,
  owners: [
    {
      kind: "family_member",
      memberId: "3d9a5e2c-4c3f-4a9a-9b2d-7e4f5a6b7c83",
      name: "Dana Ashdown",
    },
  ],
  progress: [],
  canUpdate: false,
  canAddProgress: false,
  audience: { kind: "whole_family", memberIds: [] },
};
const done: Action = {
  ...base,
  id: "4e0b6f3d-5d4a-4b0b-8c3e-8f5a6b7c8d94",
  status: "done",
  completedAt: "2026-11-29T10:00:00.000Z",
  completedByName: "Dana Ashdown",
};
const orphaned: Action = {
  ...base,
  id: "5f1c7a4e-6e5b-4c1c-9d4f-9a6b7c8d9ea5",
  text: "Book a school nurse review",
  owners: [{ kind: "practitioner", userId: nurseId, name: "Sam Okafor", agencyName: null }],
  needsNewOwner: true,
  ownersWhoLeft: [nurseId],
};
const outcome: PlanOutcome = {
  id: base.outcomeId,
  episodeId: "0b9e5a1c-2f4d-4e6a-8c1b-3d5f7a9c1e2b",
  area: "education",
  title: "Robin goes to school every day",
  measure: "Attendance above 95%",
  targetDate: "2027-01-31",
  status: "active",
  version: 1,
  audience: { kind: "whole_family", memberIds: [] },
  actions: [done, orphaned],
};

describe("an action card", () => {
  it("says who marked it done, and flags an owner who has left the team", async () => {
    const abilities = noAbilities();
    abilities.outcome.read = true;
    abilities.action.read = true;
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
      [`GET /api/families/${familyId}/outcomes`]: [200, { data: [outcome], abilities }],
    });
    renderApp(`/families/${familyId}/outcomes`);
    expect(await screen.findByText(/Done on 29 November( 2026)? by Dana Ashdown/)).toBeTruthy();
    expect(screen.getByText("Needs a new owner")).toBeTruthy();
    expect(screen.getByText(/Sam Okafor, no longer in the team/)).toBeTruthy();
  });
});
