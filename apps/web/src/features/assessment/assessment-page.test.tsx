import { fireEvent, screen, waitFor, within } from "@testing-library/react";
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

const assessmentId = "8a0f6c2e-3c55-4d6b-9a43-1f1f1f1f1f1f";
const childId = "2b5d1c9e-7a61-4f3e-8f0a-222222222222";
const lead = { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Priya Shah" };

function assessment(overrides: Record<string, unknown> = {}) {
  const blank = { text: "", version: 0, updatedAt: null, updatedBy: null };
  return {
    id: assessmentId,
    episodeId,
    kind: "initial",
    status: "draft",
    version: 1,
    signOffRequired: true,
    startedAt: "2026-11-02T09:00:00.000Z",
    startedBy: lead,
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    decidedBy: null,
    returnComments: null,
    completedAt: null,
    completedBy: null,
    sections: [
      { section: "family_story", ...blank, text: "Robin lives with mum.", version: 3 },
      { section: "working_well", ...blank },
      { section: "worries", ...blank },
      { section: "analysis", ...blank },
      { section: "next_steps", ...blank },
    ],
    voices: [{ section: "child_voice", memberId: childId, memberName: "Robin Ashdown", ...blank }],
    contributors: [{ ...lead, firstContributedAt: "2026-11-02T09:00:00.000Z" }],
    scores: [
      {
        id: "5c5c5c5c-0000-4000-8000-000000000001",
        stage: "assessment",
        area: "education",
        memberId: childId,
        scoredBy: "practitioners",
        score: 3,
        strengths: null,
        needs: "Misses Mondays",
        note: null,
        scoredOn: "2026-11-02",
        recordedBy: lead,
        recordedAt: "2026-11-02T09:00:00.000Z",
      },
    ],
    missing: ["working_well", "worries", "analysis", "next_steps"],
    can: { write: true, score: true, submit: true, approve: false, return: false, complete: false },
    children: [{ id: childId, name: "Robin Ashdown" }],
    scale: { low: "Very worried", high: "All well" },
    ...overrides,
  };
}

const episodeId = "e1a2b3c4-0000-4000-8000-000000000001";
const correctionsUrl = `/api/families/${familyId}/records/assessment/${assessmentId}/corrections`;
const correctionWords =
  "Corrected on 30 November 2026 by Jordan Hale: Worries — Robin misses Mondays only. Reason: Misread the register.";

const episode = (status: "plan_in_place" | "closed") => episodeFixture(episodeId, status);

function world(
  entryReply: [number, unknown],
  closed?: { status: "plan_in_place" | "closed"; canCorrect: boolean },
) {
  const abilities = noAbilities();
  abilities.assessment.read = true;
  abilities.assessment.write = true;
  abilities.score.read = true;
  if (closed) {
    abilities.episode.read = true;
    abilities.correction = { read: true, create: closed.canCorrect };
  }
  return fakeApi({
    [`GET /api/families/${familyId}/episodes`]: [
      200,
      { data: closed ? [episode(closed.status)] : [], abilities },
    ],
    [`GET ${correctionsUrl}`]: [200, { data: [{ id: "c1", words: correctionWords }], abilities }],
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/assessments`]: [
      200,
      {
        data: {
          current: { ...assessment(), sections: undefined },
          assessments: [],
          canStart: false,
        },
        abilities,
      },
    ],
    [`GET /api/families/${familyId}/assessments/${assessmentId}`]: [
      200,
      { data: assessment(), abilities },
    ],
    [`PUT /api/families/${familyId}/assessments/${assessmentId}/entries`]: entryReply,
  });
}

describe("the corrections beneath an assessment", () => {
  it("shows a closed episode's assessment with its corrections and, for the lead, the form", async () => {
    world([200, {}], { status: "closed", canCorrect: true });
    renderApp(`/families/${familyId}/assessments/${assessmentId}`);
    const section = await screen.findByRole("region", { name: "Corrections" });
    expect(within(section).getByText(correctionWords)).toBeTruthy();
    expect(within(section).getByLabelText("Why it was wrong")).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Add the correction" })).toBeTruthy();
  });

  it("shows a team member the corrections without the form", async () => {
    world([200, {}], { status: "closed", canCorrect: false });
    renderApp(`/families/${familyId}/assessments/${assessmentId}`);
    expect(await screen.findByText(correctionWords)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add the correction" })).toBeNull();
  });

  it("shows no corrections while the episode is open: the assessment is edited instead", async () => {
    const fake = world([200, {}], { status: "plan_in_place", canCorrect: true });
    renderApp(`/families/${familyId}/assessments/${assessmentId}`);
    expect(await screen.findByLabelText("The family's story")).toBeTruthy();
    await waitFor(() =>
      expect(fake.callsTo("GET", `/api/families/${familyId}/episodes`)).toHaveLength(1),
    );
    expect(screen.queryByRole("region", { name: "Corrections" })).toBeNull();
    expect(fake.callsTo("GET", correctionsUrl)).toHaveLength(0);
  });
});

describe("the assessment page", () => {
  it("shows sections, the child's voice, scores and what is still to do", async () => {
    world([200, {}]);
    renderApp(`/families/${familyId}/assessment`);
    expect(await screen.findByLabelText("The family's story")).toBeTruthy();
    expect(screen.getByLabelText("Robin Ashdown: the child's own words")).toBeTruthy();
    const scores = screen.getByRole("table", { name: /Need areas scored/ });
    expect(within(scores).getByText("Misses Mondays")).toBeTruthy();
    expect(screen.getByText("Write what is working well")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Submit for sign-off" })).toBeTruthy();
  });

  it("saves one section with the version it read and says so when someone else saved first", async () => {
    const fake = world([
      409,
      { error: { code: "stale_version", message: "Someone else changed this section." } },
    ]);
    renderApp(`/families/${familyId}/assessment`);
    const story = await screen.findByLabelText("The family's story");
    fireEvent.change(story, { target: { value: "Robin lives with mum and two cats." } });
    fireEvent.click(screen.getByRole("button", { name: "Save the family's story" }));
    expect(
      await screen.findByText("Someone else changed this while you were working on it"),
    ).toBeTruthy();
    const puts = fake.callsTo(
      "PUT",
      `/api/families/${familyId}/assessments/${assessmentId}/entries`,
    );
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body).toEqual({
      section: "family_story",
      text: "Robin lives with mum and two cats.",
      version: 3,
    });
  });
});
