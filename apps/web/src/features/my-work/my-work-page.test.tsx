import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DueFollowUp, FamilySummary } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, familyId, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const overdueFamily: FamilySummary = {
  id: familyId,
  reference: "EH-DEMO-0001",
  displayName: "The Ashdown family",
  levelOfNeed: 3,
  status: "plan_active",
  relationship: "lead_professional",
  openActions: 2,
  overdueActions: 0,
  actionsNeedingNewOwner: 1,
  nextMeeting: null,
  meetingDue: {
    kind: "review",
    from: "2026-10-01T10:00:00.000Z",
    by: "2026-11-12T10:00:00.000Z",
    overdue: true,
    scheduled: false,
  },
};

const followUp: DueFollowUp = {
  id: "0f5e4a0e-8a43-4d55-b0a2-7a54b2a0b0f1",
  familyId: "5b0b8a57-9d43-4f4e-8d83-6e6a3b8e7c11",
  familyReference: "EH-DEMO-0003",
  familyDisplayName: "The Brook family",
  monthsAfter: 3,
  dueOn: "2026-11-20",
  closedAt: "2026-08-20T10:00:00.000Z",
};

function serve() {
  let remaining = [followUp];
  const api = fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    "GET /api/families": [200, { data: [overdueFamily] }],
    "GET /api/my/actions": [200, { data: [] }],
    "GET /api/follow-ups": () => [200, { data: remaining }],
    [`POST /api/families/${followUp.familyId}/follow-ups/${followUp.id}`]: () => {
      remaining = [];
      return [200, { data: {}, abilities: {} }];
    },
  });
  return api;
}

describe("My work", () => {
  it("says a review is overdue, as the family's page does, instead of 'None booked'", async () => {
    serve();
    renderApp("/my-work");
    expect(
      (await screen.findAllByText(/Review overdue since 12 November/)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText("None booked")).toBeNull();
  });

  it("flags actions whose owner has left the team", async () => {
    serve();
    renderApp("/my-work");
    expect(await screen.findByText("1 needs a new owner")).toBeTruthy();
  });

  it("reminds the lead of follow-ups due and records one", async () => {
    const api = serve();
    renderApp("/my-work");
    expect(await screen.findByRole("heading", { name: "Follow-ups due" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Record follow-up/ }));
    expect(
      await screen.findByText("Select whether the change lasted", { selector: "a" }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Sustained: things have stayed better"));
    fireEvent.click(screen.getByRole("button", { name: /Record follow-up/ }));
    await waitFor(() =>
      expect(screen.queryByRole("heading", { name: "Follow-ups due" })).toBeNull(),
    );
    const posted = api.calls.find((c) => c.method === "POST");
    expect(posted?.body).toEqual({ result: "sustained" });
  });
});
