import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const guestsPath = `/api/families/${familyId}/meetings/${meetingId}/guests`;
const token = "abcdefghijklmnopqrstuvwxyz234567";

const meeting = {
  id: meetingId,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
  state: "scheduled",
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
};

const invited = {
  id: "7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
  name: "Dr Asha Patel",
  organisation: "Riverside Surgery",
  email: "asha.patel@surgery.example.nhs.uk",
  role: "GP",
  mayWrite: false,
  status: "invited",
  expiresAt: "2031-03-10T12:00:00.000Z",
  createdAt: "2031-03-01T09:00:00.000Z",
};

function serveLead() {
  const abilities = noAbilities();
  abilities.meeting = { ...abilities.meeting, read: true, manage_guests: true };
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/meetings/${meetingId}`]: [200, { data: meeting, abilities }],
    [`GET ${guestsPath}`]: [200, { data: [invited], abilities }],
    [`POST ${guestsPath}`]: [201, { data: { ...invited, name: "Jo Reed" } }],
  });
}

describe("guests on the meeting's page", () => {
  it("lists invited guests and asks for every answer before inviting another", async () => {
    const api = serveLead();
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(await screen.findByText("Dr Asha Patel, GP, Riverside Surgery")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Invite guest" }));
    expect(await screen.findAllByText("Enter the guest's name")).not.toHaveLength(0);
    expect(screen.getAllByText("Choose whether they may edit the plan")).not.toHaveLength(0);
    expect(api.callsTo("POST", guestsPath)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Jo Reed" } });
    fireEvent.change(screen.getByLabelText("Organisation"), {
      target: { value: "Northfield NHS Trust" },
    });
    fireEvent.change(screen.getByLabelText("Email address"), {
      target: { value: "jo.reed@trust.example.nhs.uk" },
    });
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "School nurse" } });
    fireEvent.click(screen.getByLabelText("No, read only"));
    fireEvent.click(screen.getByRole("button", { name: "Invite guest" }));
    await waitFor(() => expect(api.callsTo("POST", guestsPath)).toHaveLength(1));
    expect(api.callsTo("POST", guestsPath)[0]?.body).toEqual({
      name: "Jo Reed",
      organisation: "Northfield NHS Trust",
      email: "jo.reed@trust.example.nhs.uk",
      role: "School nurse",
      mayWrite: false,
    });
  });
});

describe("the guest's link", () => {
  it("asks for the code in the GOV.UK error pattern and shows the API's refusal", async () => {
    const api = fakeApi({
      "POST /api/guest/sign-in": [
        401,
        { error: { code: "unauthenticated", message: "This link or code does not work." } },
      ],
    });
    renderApp(`/guest/${token}`);
    const continueButton = await screen.findByRole("button", { name: "Continue" });
    fireEvent.click(continueButton);
    expect(await screen.findAllByText("Enter the code from your email")).not.toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "1234" } });
    fireEvent.click(continueButton);
    expect(await screen.findAllByText("Enter the 8-digit code from your email")).not.toHaveLength(
      0,
    );
    expect(api.callsTo("POST", "/api/guest/sign-in")).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "1234 5678" } });
    fireEvent.click(continueButton);
    expect(await screen.findByText(/This link or code does not work/)).toBeTruthy();
    expect(api.callsTo("POST", "/api/guest/sign-in")[0]?.body).toEqual({
      token,
      code: "12345678",
    });
  });
});
