import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { familyId, noAbilities } from "../../testing/fixtures";
import { PlanSignOffPanel } from "./plan-sign-off-panel";
import type { PlanSignOffState } from "./sign-off-queries";

const signOffId = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const outcomeId = "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const approved: NonNullable<PlanSignOffState["current"]> = {
  id: signOffId,
  episodeId: "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f",
  status: "approved",
  decidedAt: "2026-11-21T10:00:00.000Z",
  decidedBy: { userId: "3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d", name: "Morgan Ellis" },
  returnComments: null,
  submittedAt: "2026-11-20T10:00:00.000Z",
  submittedBy: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
  plan: {
    sections: { working_well: "Mornings are calmer." },
    outcomes: [
      {
        id: outcomeId,
        area: "education",
        title: "Robin goes to school every day",
        measure: "Attendance above 95%",
        targetDate: "2027-01-31",
        status: "active",
      },
    ],
    actions: [
      {
        id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
        outcomeId,
        text: "Walk Robin to school",
        dueDate: "2026-12-01",
        owners: ["Taylor Ashdown"],
      },
    ],
  },
  changedSince: true,
};

function serve(state: PlanSignOffState) {
  return fakeApi({
    [`GET /api/families/${familyId}/plan-sign-offs`]: [
      200,
      { data: state, abilities: noAbilities() },
    ],
    [`POST /api/families/${familyId}/plan-sign-offs`]: [
      201,
      { data: { ...state, current: { ...approved, status: "waiting" } }, abilities: noAbilities() },
    ],
  });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PlanSignOffPanel familyId={familyId} />
    </QueryClientProvider>,
  );
}

describe("the plan's sign-off, on the plan page", () => {
  it("shows staff an approved plan that has changed since, and lets the lead submit it again", async () => {
    const api = serve({
      signOffRequired: true,
      current: approved,
      lastApproved: { id: signOffId, decidedAt: approved.decidedAt ?? "", changedSince: true },
      history: [
        {
          decision: "approved",
          comments: null,
          decidedByName: "Morgan Ellis",
          decidedAt: "2026-11-21T10:00:00.000Z",
        },
      ],
      can: { submit: true, approve: false, return: false },
    });
    show();
    const section = await screen.findByRole("region", { name: "Manager's sign-off of the plan" });
    expect(within(section).getByText("Changed since approved")).toBeTruthy();
    expect(within(section).getAllByText(/Approved by Morgan Ellis/)).toHaveLength(2);
    expect(within(section).getByText(/Walk Robin to school: Taylor Ashdown/)).toBeTruthy();
    fireEvent.click(
      within(section).getByRole("button", { name: "Submit the plan for sign-off again" }),
    );
    await waitFor(() =>
      expect(api.callsTo("POST", `/api/families/${familyId}/plan-sign-offs`)).toHaveLength(1),
    );
  });

  it("shows nothing where the authority asks for no sign-off and nothing was submitted", async () => {
    const api = serve({
      signOffRequired: false,
      current: null,
      lastApproved: null,
      history: [],
      can: { submit: false, approve: false, return: false },
    });
    show();
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(screen.queryByRole("region")).toBeNull();
  });
});
