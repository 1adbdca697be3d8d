import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import {
  authority,
  episodeFixture,
  family,
  familyId,
  meResponse,
  noAbilities,
} from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const reviewId = "7e7e7e7e-0000-4000-8000-000000000001";
const episodeId = "e1a2b3c4-0000-4000-8000-000000000001";
const lead = { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Priya Shah" };
const correctionsUrl = `/api/families/${familyId}/records/review/${reviewId}/corrections`;
const correctionWords =
  "Corrected on 30 November 2026 by Priya Shah: Decision — The team continues. Reason: Chose the wrong option.";

const review = {
  id: reviewId,
  episodeId,
  meetingId: "6f6f6f6f-0000-4000-8000-000000000001",
  reviewedOn: "2026-11-02",
  verdict: "positive_change",
  decision: "continue",
  nextReviewOn: "2026-12-14",
  summary: "Robin is at school every day now.",
  recordedBy: lead,
  recordedAt: "2026-11-02T11:00:00.000Z",
  scores: [
    {
      id: "5c5c5c5c-0000-4000-8000-000000000001",
      stage: "review",
      area: "education",
      memberId: null,
      scoredBy: "practitioners",
      score: 7,
      strengths: "Every day this half term",
      needs: null,
      note: "A practitioners' note",
      scoredOn: "2026-11-02",
      recordedBy: lead,
      recordedAt: "2026-11-02T11:00:00.000Z",
    },
  ],
};

const episode = (status: "plan_in_place" | "closed") => episodeFixture(episodeId, status);

function world(status: "plan_in_place" | "closed", staff: boolean) {
  const abilities = noAbilities();
  abilities.review.read = true;
  abilities.episode.read = true;
  abilities.episode.read_notes = staff;
  abilities.correction = { read: staff, create: staff };
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/members`]: [200, { data: [], abilities }],
    [`GET /api/families/${familyId}/episodes`]: [200, { data: [episode(status)], abilities }],
    [`GET /api/families/${familyId}/reviews/${reviewId}`]: [200, { data: review, abilities }],
    [`GET ${correctionsUrl}`]: [200, { data: [{ id: "c1", words: correctionWords }], abilities }],
  });
}

describe("a recorded review's page", () => {
  it("shows the lead what was saved and, once the episode has closed, its corrections with the form", async () => {
    world("closed", true);
    renderApp(`/families/${familyId}/reviews/${reviewId}`);
    expect(await screen.findByRole("heading", { name: "Review of 2 November 2026" })).toBeTruthy();
    expect(screen.getByText("Positive change")).toBeTruthy();
    expect(screen.getByText("Robin is at school every day now.")).toBeTruthy();
    expect(screen.getByText("Every day this half term")).toBeTruthy();
    expect(screen.getByText("A practitioners' note")).toBeTruthy();
    const section = await screen.findByRole("region", { name: "Corrections" });
    expect(within(section).getByText(correctionWords)).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Add the correction" })).toBeTruthy();
  });

  it("shows the family the review without the practitioners' note or corrections, asking for none", async () => {
    const fake = world("closed", false);
    renderApp(`/families/${familyId}/reviews/${reviewId}`);
    expect(await screen.findByText("Robin is at school every day now.")).toBeTruthy();
    await waitFor(() =>
      expect(fake.callsTo("GET", `/api/families/${familyId}/episodes`)).toHaveLength(1),
    );
    expect(screen.queryByText("A practitioners' note")).toBeNull();
    expect(screen.queryByRole("region", { name: "Corrections" })).toBeNull();
    expect(fake.callsTo("GET", correctionsUrl)).toHaveLength(0);
  });
});
