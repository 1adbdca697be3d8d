import { documentKinds } from "@teamaround/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import type { ClosureProposal, ClosureSignOff } from "./sign-off-queries";

const proposalId = "5e2f8a1b-3c4d-4e6f-8a9b-1c2d3e4f5a6b";

const proposal: ClosureProposal = {
  id: proposalId,
  episodeId: "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f",
  status: "waiting",
  decidedAt: null,
  decidedBy: null,
  returnComments: null,
  reason: "outcomes_met",
  summary: "Robin is back in school every day.",
  scores: [{ area: "education", memberId: null, scoredBy: "practitioners", score: 8 }],
  outcomeResults: [
    {
      outcomeId: "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      title: "Robin goes to school every day",
      result: "met",
    },
  ],
  proposedAt: "2026-11-20T10:00:00.000Z",
  proposedBy: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
};

function serve(as: "manager" | "lead", state: Partial<ClosureSignOff>) {
  const abilities = noAbilities();
  abilities.closure.read = true;
  abilities.family.close = as === "lead";
  abilities.closure.propose = as === "lead";
  abilities.closure.sign_off = as === "manager";
  const closure: ClosureSignOff = {
    signOffRequired: true,
    current: proposal,
    history: [],
    can: {
      close: false,
      propose: false,
      approve: as === "manager",
      return: as === "manager",
      withdraw: as === "lead",
    },
    ...state,
  };
  return fakeApi({
    "GET /api/me": [200, meResponse(as === "manager" ? { role: "manager" } : {})],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      {
        data: family,
        abilities,
        documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
      },
    ],
    [`GET /api/families/${familyId}/members`]: [200, { data: [], abilities }],
    [`GET /api/families/${familyId}/closure-proposals`]: [200, { data: closure, abilities }],
    [`POST /api/families/${familyId}/closure-proposals/${proposalId}/approve`]: [
      200,
      { data: { ...closure, current: { ...proposal, status: "approved" } }, abilities },
    ],
    [`POST /api/families/${familyId}/closure-proposals/${proposalId}/withdraw`]: [
      200,
      { data: { ...closure, current: { ...proposal, status: "withdrawn" } }, abilities },
    ],
  });
}

describe("a closure waiting for sign-off, on the family's summary", () => {
  it("shows staff that the closure waits, what it would record, and lets the manager approve it", async () => {
    const api = serve("manager", {});
    renderApp(`/families/${familyId}`);
    const section = await screen.findByRole("region", { name: "Closure waiting for sign-off" });
    expect(within(section).getByText(/Proposed by Jordan Hale/)).toBeTruthy();
    expect(within(section).getByText("Robin goes to school every day: Met")).toBeTruthy();
    expect(screen.getByText("Closure waiting for sign-off", { selector: "strong" })).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "Approve the closure" }));
    await waitFor(() =>
      expect(
        api.callsTo("POST", `/api/families/${familyId}/closure-proposals/${proposalId}/approve`),
      ).toHaveLength(1),
    );
    // The lead's buttons are not the manager's.
    expect(screen.queryByRole("link", { name: /Close the case|Propose closing/ })).toBeNull();
    expect(within(section).queryByRole("button", { name: "Withdraw this proposal" })).toBeNull();
  });

  it("lets the lead withdraw the proposal after confirming, with an optional reason", async () => {
    const api = serve("lead", {});
    renderApp(`/families/${familyId}`);
    const section = await screen.findByRole("region", { name: "Closure waiting for sign-off" });
    expect(within(section).queryByRole("button", { name: "Approve the closure" })).toBeNull();
    const withdrawPath = `/api/families/${familyId}/closure-proposals/${proposalId}/withdraw`;

    // Thinking better of it withdraws nothing.
    fireEvent.click(within(section).getByRole("button", { name: "Withdraw this proposal" }));
    expect(
      within(section).getByRole("heading", {
        name: "Are you sure you want to withdraw this proposal?",
      }),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "No, keep it waiting" }));
    expect(
      within(section).queryByRole("button", { name: "Yes, withdraw the proposal" }),
    ).toBeNull();
    expect(api.callsTo("POST", withdrawPath)).toHaveLength(0);

    fireEvent.click(within(section).getByRole("button", { name: "Withdraw this proposal" }));
    fireEvent.change(within(section).getByLabelText("Why are you withdrawing it? (optional)"), {
      target: { value: "Robin asked for more time." },
    });
    fireEvent.click(within(section).getByRole("button", { name: "Yes, withdraw the proposal" }));
    await waitFor(() => expect(api.callsTo("POST", withdrawPath)).toHaveLength(1));
    expect(api.callsTo("POST", withdrawPath)[0]?.body).toEqual({
      reason: "Robin asked for more time.",
    });
  });

  it("says who withdrew a proposal, and keeps the withdrawal in the history", async () => {
    serve("lead", {
      current: {
        ...proposal,
        status: "withdrawn",
        decidedAt: "2026-11-21T10:00:00.000Z",
        decidedBy: { userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Jordan Hale" },
      },
      history: [
        {
          decision: "withdrawn",
          comments: "Robin asked for more time.",
          decidedByName: "Jordan Hale",
          decidedAt: "2026-11-21T10:00:00.000Z",
        },
      ],
      can: { close: false, propose: true, approve: false, return: false, withdraw: false },
    });
    renderApp(`/families/${familyId}`);
    const section = await screen.findByRole("region", { name: "Closure sign-off" });
    expect(
      within(section).getByText(/Proposed by Jordan Hale .* Withdrawn by Jordan Hale on/, {
        selector: "p",
      }),
    ).toBeTruthy();
    expect(
      within(section).getByText(/Withdrawn by Jordan Hale on .*Robin asked for more time/, {
        selector: "li",
      }),
    ).toBeTruthy();
    expect(within(section).queryByRole("button", { name: "Withdraw this proposal" })).toBeNull();
  });

  it("tells the lead what the manager asked for, and offers to amend the closure", async () => {
    serve("lead", {
      current: {
        ...proposal,
        status: "returned",
        decidedAt: "2026-11-21T10:00:00.000Z",
        decidedBy: { userId: "3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d", name: "Sam Okafor" },
        returnComments: "Say what Robin thinks of closing.",
      },
      history: [
        {
          decision: "returned",
          comments: "Say what Robin thinks of closing.",
          decidedByName: "Sam Okafor",
          decidedAt: "2026-11-21T10:00:00.000Z",
        },
      ],
      can: { close: false, propose: true, approve: false, return: false, withdraw: false },
    });
    renderApp(`/families/${familyId}`);
    const section = await screen.findByRole("region", { name: "Closure sign-off" });
    expect(within(section).getByText("Say what Robin thinks of closing.")).toBeTruthy();
    expect(within(section).queryByRole("button", { name: "Approve the closure" })).toBeNull();
    expect(
      screen.getByRole("link", { name: "Amend the closure and propose it again" }),
    ).toBeTruthy();
  });
});
