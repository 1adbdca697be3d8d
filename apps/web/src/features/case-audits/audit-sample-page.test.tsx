import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, familyId, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const sample = {
  id: "0e5c7f0a-1d5b-4a61-9a0e-3c9b8f7d6e5a",
  quarter: "2026-Q3",
  drawnAt: "2026-10-02T09:00:00.000Z",
  drawnBy: { userId: "3f0c3a52-2d7e-4a36-9c7e-0d3f6f1b9a10", name: "Sam Okafor" },
  families: [
    {
      familyId,
      reference: "EH-DEMO-0001",
      displayName: "The Ashdown family",
      audit: {
        id: "5a1d0c36-7a43-4b8e-9a39-2b6a1e0c4d21",
        grade: "good",
        auditedOn: "2026-10-10",
        acknowledged: false,
      },
    },
    {
      familyId: "b3c1a7de-6f7e-4a2b-8c9d-1e2f3a4b5c6d",
      reference: "EH-DEMO-0002",
      displayName: "The Brook family",
      audit: null,
    },
  ],
};

describe("the audit sample", () => {
  it("lists each sampled family with its audit status, and draws a sample", async () => {
    const me = meResponse({ role: "manager", displayName: "Sam Okafor" });
    const api = fakeApi({
      "GET /api/me": [
        200,
        { ...me, abilities: { ...me.abilities, audit_sample: { draw: true, list: true } } },
      ],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/manager/audit-samples": [200, { data: [sample] }],
      "POST /api/manager/audit-samples": [201, { data: sample }],
    });
    renderApp("/audit-sample");
    const table = await screen.findByRole("table", { name: /2026-Q3: 1 of 2 audited/ });
    expect(within(table).getByText("Good, 10 October 2026")).toBeTruthy();
    expect(within(table).getByText("Not yet audited")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Quarter"), { target: { value: "2026-Q4" } });
    fireEvent.change(screen.getByLabelText("Number of cases"), { target: { value: "8" } });
    fireEvent.click(screen.getByRole("button", { name: "Draw the sample" }));
    await waitFor(() => {
      const post = api.calls.find((c) => c.method === "POST");
      expect(post?.body).toEqual({ quarter: "2026-Q4", size: 8 });
    });
  });
});
