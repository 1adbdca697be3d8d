import { documentKinds } from "@teamaround/domain";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const versionId = "4c9a2d3e-5f6b-4c7d-8e9f-0a1b2c3d4e5f";
const assessmentId = "8a0f6c2e-3c55-4d6b-9a43-1f1f1f1f1f1f";
const noDocuments = Object.fromEntries(documentKinds.map((k) => [k, "none"]));

function abilitiesWith(printout: boolean): FamilyAbilities {
  const a = noAbilities();
  a.family.read = true;
  a.meeting.read = true;
  a.assessment.read = true;
  a.printout = { plan: printout, meeting_record: printout, assessment: printout };
  return a;
}

const heldMeeting = {
  id: meetingId,
  kind: "review",
  scheduledFor: "2026-11-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
  state: "ended",
  agenda: [],
  currentAgendaItemId: null,
  startedAt: "2026-11-10T10:02:00.000Z",
  endedAt: "2026-11-10T11:00:00.000Z",
  cancelledAt: null,
  version: 5,
  invitees: [],
  planVersionId: versionId,
  timeliness: null,
  attendance: [],
  chat: [],
  decisions: [],
};

const assessment = {
  id: assessmentId,
  episodeId: "e1a2b3c4-0000-4000-8000-000000000001",
  kind: "initial",
  status: "completed",
  version: 4,
  signOffRequired: false,
  startedAt: "2026-11-02T09:00:00.000Z",
  startedBy: null,
  submittedAt: null,
  submittedBy: null,
  decidedAt: null,
  decidedBy: null,
  returnComments: null,
  completedAt: "2026-11-05T09:00:00.000Z",
  completedBy: null,
  sections: [],
  voices: [],
  contributors: [],
  scores: [],
  missing: [],
  can: {
    write: false,
    score: false,
    submit: false,
    approve: false,
    return: false,
    complete: false,
  },
  children: [],
  scale: { low: "Very worried", high: "All well" },
};

function serve(a: FamilyAbilities, role: "practitioner" | "family_member" = "practitioner") {
  const me =
    role === "family_member" ? meResponse({ role: "family_member", agency: null }) : meResponse();
  return fakeApi({
    "GET /api/me": [200, me],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      { data: family, abilities: a, documents: noDocuments },
    ],
    "GET /api/my/actions": [200, { data: [] }],
    [`GET /api/families/${familyId}/meetings/${meetingId}`]: [
      200,
      { data: heldMeeting, abilities: a },
    ],
    [`GET /api/families/${familyId}/assessments`]: [
      200,
      {
        data: { current: assessment, assessments: [assessment], canStart: false },
        abilities: a,
      },
    ],
    [`GET /api/families/${familyId}/assessments/${assessmentId}`]: [
      200,
      { data: assessment, abilities: a },
    ],
  });
}

const pdfLinks = () =>
  screen
    .queryAllByRole("link")
    .filter((link) => link.getAttribute("href")?.endsWith(".pdf"))
    .map((link) => link.getAttribute("href"));

describe("Download PDF links", () => {
  it("offers the family their own plan as a PDF on 'Our plan'", async () => {
    serve(abilitiesWith(true), "family_member");
    renderApp(`/our-family/${familyId}`);
    const link = await screen.findByRole("link", { name: "Download our plan (PDF)" });
    expect(link.getAttribute("href")).toBe(`/api/families/${familyId}/plan.pdf`);
    expect(link.hasAttribute("download")).toBe(true);
  });

  it("offers the meeting's record on the held meeting's page", async () => {
    serve(abilitiesWith(true));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    const link = await screen.findByRole("link", { name: "Download PDF of the meeting's record" });
    expect(link.getAttribute("href")).toBe(
      `/api/families/${familyId}/meetings/${meetingId}/record.pdf`,
    );
  });

  it("offers the assessment on the assessment page", async () => {
    serve(abilitiesWith(true));
    renderApp(`/families/${familyId}/assessment`);
    const link = await screen.findByRole("link", { name: "Download PDF of this assessment" });
    expect(link.getAttribute("href")).toBe(
      `/api/families/${familyId}/assessments/${assessmentId}/assessment.pdf`,
    );
  });

  it("offers the plan on the plan page", async () => {
    serve(abilitiesWith(true));
    renderApp(`/families/${familyId}/plan`);
    const link = await screen.findByRole("link", { name: "Download PDF of the plan" });
    expect(link.getAttribute("href")).toBe(`/api/families/${familyId}/plan.pdf`);
  });

  it.each([
    ["our plan", `/our-family/${familyId}`, "Our plan"],
    ["the held meeting", `/families/${familyId}/meetings/${meetingId}/room`, "Review meeting"],
    ["the assessment", `/families/${familyId}/assessment`, "Early Help Assessment"],
  ])("offers none on %s to someone the policy does not allow", async (_page, path, heading) => {
    serve(abilitiesWith(false), path.startsWith("/our-family") ? "family_member" : "practitioner");
    renderApp(path);
    expect(
      await screen.findByRole("heading", { level: 1, name: new RegExp(heading) }),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Loading/)).toBeNull());
    expect(pdfLinks()).toEqual([]);
  });
});
