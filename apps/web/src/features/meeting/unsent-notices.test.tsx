import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const unsentPath = `/api/families/${familyId}/meetings/${meetingId}/unsent-notices`;

const meeting = (state: string) => ({
  id: meetingId,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
  state,
  agenda: [],
  currentAgendaItemId: null,
  startedAt: null,
  endedAt: null,
  cancelledAt: null,
  version: 3,
  invitees: [],
  planVersionId: null,
  timeliness: null,
  attendance: [],
  chat: [],
  decisions: [],
  apologies: [],
});

const unsent = [
  {
    noticeId: "7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
    name: "Alex Hart",
    kind: "family_member",
    reason: "no_email_address",
    change: "moved",
    at: "2031-03-01T09:00:00.000Z",
  },
  {
    noticeId: "8b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e",
    name: "Sam Okafor",
    kind: "practitioner",
    reason: "not_delivered",
    change: "moved",
    at: "2031-03-01T09:00:00.000Z",
  },
];

function abilities(readUnsent: boolean): FamilyAbilities {
  const a = noAbilities();
  a.meeting = { ...a.meeting, read: true, read_unsent: readUnsent };
  return a;
}

function serve(a: FamilyAbilities, state = "scheduled", rows: unknown[] = unsent) {
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities: a }],
    [`GET /api/families/${familyId}/meetings/${meetingId}`]: [
      200,
      { data: meeting(state), abilities: a },
    ],
    [`GET ${unsentPath}`]: [200, { data: rows, abilities: a }],
  });
}

describe("who a meeting's notices did not reach", () => {
  it("tells the lead on the meeting's page, each with why and what to do", async () => {
    serve(abilities(true));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(await screen.findByText("2 people invited were not told by email")).toBeTruthy();
    expect(
      screen.getByText(
        "Not sent: Alex Hart has no email address — tell them about the new time another way.",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Not sent: the email to Sam Okafor could not be delivered — tell them about the new time another way.",
      ),
    ).toBeTruthy();
  });

  it("shows whom the cancellation did not reach", async () => {
    serve(abilities(true), "cancelled", [{ ...unsent[0], change: "cancelled" }]);
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(
      await screen.findByText(
        "Not sent: Alex Hart has no email address — tell them about the cancellation another way.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("One person invited was not told by email")).toBeTruthy();
  });

  it("asks nothing and shows nothing to someone who is not the lead", async () => {
    const api = serve(abilities(false));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(await screen.findByText(/Chaired by Jordan Hale/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("unsent-notices")).toBeNull());
    expect(api.callsTo("GET", unsentPath)).toHaveLength(0);
  });

  it("shows nothing when everyone was reached", async () => {
    const api = serve(abilities(true), "scheduled", []);
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    await waitFor(() => expect(api.callsTo("GET", unsentPath)).toHaveLength(1));
    expect(screen.queryByTestId("unsent-notices")).toBeNull();
  });
});
