import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const leadId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";
const samId = "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b";
const memberId = "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c";
const meetingPath = `/api/families/${familyId}/meetings/${meetingId}`;

const apology = {
  id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  kind: "family_member",
  name: "Alex Hart",
  agencyName: null,
  reason: null,
  recordedByName: "Jordan Hale",
  recordedAt: "2031-03-09T09:00:00.000Z",
};

const meeting = (apologies: unknown[]) => ({
  id: meetingId,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: leadId, name: "Jordan Hale" },
  state: "scheduled",
  agenda: [],
  currentAgendaItemId: null,
  startedAt: null,
  endedAt: null,
  cancelledAt: null,
  version: 3,
  invitees: [
    { kind: "practitioner", userId: leadId, name: "Jordan Hale", agencyName: null },
    { kind: "practitioner", userId: samId, name: "Sam Okafor", agencyName: "Health visiting" },
    { kind: "family_member", memberId, name: "Alex Hart" },
  ],
  planVersionId: null,
  timeliness: null,
  attendance: [],
  chat: [],
  decisions: [],
  apologies,
});

function serve(recordApology: boolean, apologies: unknown[], bodies: unknown[] = []) {
  const a: FamilyAbilities = noAbilities();
  a.meeting = { ...a.meeting, read: true, record_apology: recordApology };
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities: a }],
    [`GET ${meetingPath}`]: [200, { data: meeting(apologies), abilities: a }],
    [`POST ${meetingPath}/apologies`]: (call) => {
      bodies.push(call.body);
      return [201, { data: apology, abilities: a }];
    },
  });
}

describe("apologies on the meeting's page", () => {
  it("lets the chair record who cannot come and why, for someone invited", async () => {
    const bodies: unknown[] = [];
    serve(true, [apology], bodies);
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect((await screen.findByTestId("apologies-list")).textContent).toBe("Alex Hart");
    const who = screen.getByLabelText("Who cannot come");
    // The chair and those who already sent apologies are not offered.
    expect([...who.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "Choose someone invited",
      "Sam Okafor",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Record apologies" }));
    expect((await screen.findAllByText("Choose who cannot come")).length).toBeGreaterThan(0);
    fireEvent.change(who, { target: { value: `practitioner:${samId}` } });
    fireEvent.change(screen.getByLabelText("Why"), { target: { value: "On leave" } });
    fireEvent.click(screen.getByRole("button", { name: "Record apologies" }));
    await waitFor(() =>
      expect(bodies).toEqual([
        { person: { kind: "practitioner", userId: samId }, reason: "On leave" },
      ]),
    );
  });

  it("shows others only who sent apologies, with no form", async () => {
    serve(false, [apology]);
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect((await screen.findByTestId("apologies-list")).textContent).toBe("Alex Hart");
    expect(screen.queryByRole("button", { name: "Record apologies" })).toBeNull();
  });
});
