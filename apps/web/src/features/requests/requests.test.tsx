import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import type { HelpRequest } from "./request-queries";

const requestId = "5b0a8d0e-3c1d-4a7e-9a54-1f0f6d1c2b3a";
const agency = { id: "c76729ba-d188-4f44-a651-f1904e0fde4e", name: "Eastmoor Early Help Service" };

function request(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: requestId,
    receivingAgency: agency,
    familyId: null,
    familyName: "The Ashdown family",
    children: [
      { givenName: "Mia", familyName: "Ashdown", dateOfBirth: "2017-06-01", memberId: null },
    ],
    requesterKind: "practitioner",
    requesterName: "Sam Okafor",
    requesterAgency: { id: "0f0c1a8e-8f5e-4a43-9a0b-3f2b1c4d5e6f", name: "Eastmoor Primary" },
    askedBy: { id: "9d1d97fe-9e71-473b-835a-b6f5e0445342", displayName: "Sam Okafor" },
    requestedOn: "2026-11-20",
    locality: null,
    worries: "Mia is often late and hungry.",
    familyKnows: true,
    familyAgrees: true,
    status: "awaiting_triage",
    signpostedTo: null,
    triageReason: null,
    triagedBy: null,
    triagedAt: null,
    allocatedLead: null,
    episodeId: null,
    reReferralOfEpisodeId: null,
    version: 1,
    createdAt: "2026-11-20T10:00:00.000Z",
    ...overrides,
  };
}

const base = {
  "GET /api/me": [200, meResponse()] as [number, unknown],
  "GET /api/authority": [200, { data: authority }] as [number, unknown],
  "GET /api/agencies": [200, { data: [] }] as [number, unknown],
  "GET /api/directory/practitioners": [200, { data: [] }] as [number, unknown],
};

describe("request help for a family", () => {
  it("asks for every missing answer before sending anything", async () => {
    const fake = fakeApi(base);
    renderApp("/requests/new");
    fireEvent.click(await screen.findByRole("button", { name: "Send the request" }));
    const summary = await screen.findByRole("alert");
    for (const message of [
      "Select the service you are asking to help",
      "Enter a name for the family",
      "Name at least one child",
      "Enter the worries in a sentence or two",
      "Select whether the family knows about this request",
    ]) {
      expect(within(summary).getByRole("link", { name: message })).toBeTruthy();
    }
    expect(fake.callsTo("POST", "/api/help-requests")).toHaveLength(0);
  });
});

describe("a request's page", () => {
  it("shows the asker the outcome and no decision form", async () => {
    fakeApi({
      ...base,
      [`GET /api/help-requests/${requestId}`]: [
        200,
        {
          data: request({
            status: "signposted",
            signpostedTo: "Citizens Advice",
            triageReason: "Debt advice first",
            triagedBy: { id: "1d3c5e7f-0a2b-4c6d-8e0f-1a2b3c4d5e6f", displayName: "Ola Manager" },
            triagedAt: "2026-11-21T09:00:00.000Z",
          }),
          abilities: { triage: false },
        },
      ],
    });
    renderApp(`/requests/${requestId}`);
    expect(await screen.findByText("Signposted elsewhere")).toBeTruthy();
    expect(screen.getByText("Citizens Advice")).toBeTruthy();
    expect(screen.getByText("Debt advice first")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Record the decision" })).toBeNull();
  });

  it("lets the receiving service decide, and names what is missing", async () => {
    const fake = fakeApi({
      ...base,
      [`GET /api/help-requests/${requestId}`]: [
        200,
        { data: request(), abilities: { triage: true } },
      ],
    });
    renderApp(`/requests/${requestId}`);
    fireEvent.click(await screen.findByLabelText("Not accepted"));
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary).getByRole("link", { name: "Enter the reason, for the person who asked" }),
    ).toBeTruthy();
    expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)).toHaveLength(0);
  });
});

describe("where the family lives", () => {
  const withLocalities = {
    ...base,
    "GET /api/authority": [200, { data: { ...authority, localities: ["Northgate", "Southmere"] } }],
  } as Record<string, [number, unknown]>;
  const lead = {
    id: "2a4c6e80-1b3d-4f5a-8c7e-9d0b1a2c3e4f",
    displayName: "Jordan Hale",
    jobTitle: null,
    agency,
  };

  it("asks, on the request form, from the authority's localities or not known", async () => {
    fakeApi(withLocalities);
    renderApp("/requests/new");
    const select = await screen.findByRole("combobox", { name: "Where does the family live?" });
    expect(select.getAttribute("aria-describedby")).toContain("locality-hint");
    const options = within(select)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual(["Not known", "Northgate", "Southmere"]);
    expect((select as HTMLSelectElement).value).toBe("");
  });

  it("shows the asker's answer on triage, and accepting a new family sends it", async () => {
    const fake = fakeApi({
      ...withLocalities,
      "GET /api/directory/practitioners": [200, { data: [lead] }],
      [`GET /api/help-requests/${requestId}`]: [
        200,
        { data: request({ locality: "Southmere" }), abilities: { triage: true } },
      ],
      [`POST /api/help-requests/${requestId}/triage`]: [
        200,
        {
          data: request({ locality: "Southmere", status: "accepted" }),
          abilities: { triage: false },
        },
      ],
    });
    renderApp(`/requests/${requestId}`);
    const lives = await screen.findByText("Where the family lives");
    expect(lives.parentElement?.textContent).toContain("Southmere");
    fireEvent.click(screen.getByLabelText(/^Accept/));
    const leadSelect = await screen.findByRole("combobox", { name: "Lead professional" });
    await within(leadSelect).findByRole("option", { name: /Jordan Hale/ });
    fireEvent.change(leadSelect, { target: { value: lead.id } });
    fireEvent.click(screen.getByLabelText(/^2 – Early help/));
    const locality = screen.getByRole("combobox", { name: "Locality" }) as HTMLSelectElement;
    expect(locality.value).toBe("Southmere");
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    await vi.waitFor(() =>
      expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)).toHaveLength(1),
    );
    expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)[0]?.body).toMatchObject({
      decision: "accept",
      leadUserId: lead.id,
      levelOfNeed: 2,
      locality: "Southmere",
    });
  });

  it("asks where the family lives now when the asker's locality has been removed", async () => {
    const fake = fakeApi({
      ...withLocalities,
      "GET /api/directory/practitioners": [200, { data: [lead] }],
      [`GET /api/help-requests/${requestId}`]: [
        200,
        { data: request({ locality: "Eastbrook" }), abilities: { triage: true } },
      ],
      [`POST /api/help-requests/${requestId}/triage`]: [
        200,
        {
          data: request({ locality: "Eastbrook", status: "accepted" }),
          abilities: { triage: false },
        },
      ],
    });
    renderApp(`/requests/${requestId}`);
    fireEvent.click(await screen.findByLabelText(/^Accept/));
    const leadSelect = await screen.findByRole("combobox", { name: "Lead professional" });
    await within(leadSelect).findByRole("option", { name: /Jordan Hale/ });
    fireEvent.change(leadSelect, { target: { value: lead.id } });
    fireEvent.click(screen.getByLabelText(/^2 – Early help/));
    const locality = screen.getByRole("combobox", { name: "Locality" }) as HTMLSelectElement;
    expect(locality.value).toBe("");
    expect(
      within(locality)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a locality", "Not known", "Northgate", "Southmere"]);
    expect(screen.getByText(/said: Eastbrook, which is no longer one/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    expect(
      (await screen.findAllByText("Select where the family lives now, or ‘Not known’")).length,
    ).toBeGreaterThan(0);
    expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)).toHaveLength(0);

    fireEvent.change(locality, { target: { value: "not-known" } });
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    await vi.waitFor(() =>
      expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)).toHaveLength(1),
    );
    expect(fake.callsTo("POST", `/api/help-requests/${requestId}/triage`)[0]?.body).toMatchObject({
      decision: "accept",
      locality: null,
    });
  });
});
