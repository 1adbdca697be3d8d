import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const laterId = "5c9e2d3f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const chairId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";

const meeting = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 90,
  location: null,
  notes: null,
  chair: { userId: chairId, name: "Jordan Hale" },
  state: "scheduled",
  agenda: [{ id: "6d0f3e4a-7b8c-4d9e-8f0a-2b3c4d5e6f70", title: "What is working well" }],
  currentAgendaItemId: null,
  startedAt: null,
  endedAt: null,
  cancelledAt: null,
  version: 3,
  invitees: [],
  planVersionId: null,
  timeliness: null,
  ...overrides,
});

function lead(): FamilyAbilities {
  const abilities = noAbilities();
  abilities.meeting = { ...abilities.meeting, read: true, schedule: true, update: true };
  return abilities;
}

function serve(abilities: FamilyAbilities, patch?: () => [number, unknown]) {
  const meetings = [
    meeting(laterId, { scheduledFor: "2031-04-10T10:00:00.000Z", durationMinutes: 60 }),
    meeting(meetingId),
  ];
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/meetings`]: [
      200,
      { data: meetings, nextReviewDue: null, abilities },
    ],
    [`GET /api/families/${familyId}/meetings/${meetingId}`]: [
      200,
      { data: { ...meeting(meetingId), attendance: [], chat: [], decisions: [] }, abilities },
    ],
    ...(patch ? { [`PATCH /api/families/${familyId}/meetings/${meetingId}`]: patch } : {}),
  });
}

describe("the meetings page", () => {
  it("gives each meeting an anchor, shows its length, and focuses the one a notice links to", async () => {
    serve(noAbilities());
    renderApp(`/families/${familyId}/meetings#meeting-${meetingId}`);
    expect(await screen.findByText("1 hour 30 minutes")).toBeTruthy();
    expect(screen.getByText("1 hour")).toBeTruthy();
    const row = document.getElementById(`meeting-${meetingId}`);
    expect(row?.tagName).toBe("TR");
    expect(document.getElementById(`meeting-${laterId}`)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(row));
    // A reader may not move meetings.
    expect(screen.queryByRole("link", { name: /Change the time or length/ })).toBeNull();
  });

  it("lets the chair change a meeting's length, sending only what changed", async () => {
    const api = serve(lead(), () => [200, { data: meeting(meetingId, { durationMinutes: 30 }) }]);
    renderApp(`/families/${familyId}/meetings`);
    const [, move] = await screen.findAllByRole("link", { name: /Change the time or length/ });
    expect(move?.getAttribute("href")).toBe(`/families/${familyId}/meetings/${meetingId}/move`);
    if (move) fireEvent.click(move);

    const length = await screen.findByLabelText("How long is it?");
    expect((length as HTMLSelectElement).value).toBe("90");
    // Nothing changed: refused before sending.
    fireEvent.click(screen.getByRole("button", { name: "Save and tell everyone invited" }));
    expect(
      (await screen.findAllByText("Change the date, the time or the length, or go back")).length,
    ).toBeGreaterThan(0);
    expect(api.callsTo("PATCH", `/api/families/${familyId}/meetings/${meetingId}`)).toHaveLength(0);

    fireEvent.change(length, { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Save and tell everyone invited" }));
    await waitFor(() =>
      expect(api.callsTo("PATCH", `/api/families/${familyId}/meetings/${meetingId}`)).toHaveLength(
        1,
      ),
    );
    const [call] = api.callsTo("PATCH", `/api/families/${familyId}/meetings/${meetingId}`);
    expect(call?.body).toEqual({ version: 3, durationMinutes: 30 });
    expect(await screen.findByText("Meeting changed")).toBeTruthy();
  });
});
