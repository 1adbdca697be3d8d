import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, familyId, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const requestId = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const assessmentId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const notice = (n: number, overrides: Record<string, unknown>) => ({
  id: `6a0e3c4e-0000-4000-8000-00000000000${n}`,
  summary: null,
  createdAt: "2026-03-02T10:15:00.000Z",
  read: false,
  accessEnded: false,
  familyName: null,
  actionText: null,
  ...overrides,
});

describe("/notifications: requests for help and sign-off", () => {
  it("link to the request and the assessment, and say which is no longer mine to see", async () => {
    const data = [
      notice(1, {
        kind: "help_request_received",
        title: "You have a new request for help in Teamaround",
        link: `/requests/${requestId}`,
      }),
      notice(2, {
        kind: "sign_off_waiting",
        title: "Something is waiting for your sign-off in Teamaround",
        link: `/families/${familyId}/assessments/${assessmentId}`,
        familyName: "The Ashdown family",
      }),
      notice(3, {
        kind: "help_request_outcome",
        title: "A request for help you made has been decided",
        link: null,
        accessEnded: true,
      }),
    ];
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/me/notifications/unread-count": [200, { data: { unreadCount: 3 } }],
      "GET /api/me/notifications": [
        200,
        { data, unreadCount: 3, next: null, abilities: meResponse().abilities },
      ],
    });
    renderApp("/notifications");
    const request = await screen.findByRole("link", {
      name: "You have a new request for help in Teamaround",
    });
    expect(request.getAttribute("href")).toBe(`/requests/${requestId}`);
    const signOff = screen.getByRole("link", {
      name: "Something is waiting for your sign-off in Teamaround",
    });
    expect(signOff.getAttribute("href")).toBe(`/families/${familyId}/assessments/${assessmentId}`);
    expect(
      screen.queryByRole("link", { name: "A request for help you made has been decided" }),
    ).toBeNull();
    expect(screen.getByText("You can no longer see the request this was about.")).toBeTruthy();
  });
});
