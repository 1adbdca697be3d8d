import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, familyId, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import type { CaseloadRow, DriftItem, SignOffItem } from "./manager-queries";

const leadId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";

const row: CaseloadRow = {
  familyId,
  familyName: "The Ashdown family",
  familyReference: "EH-DEMO-0001",
  episodeId: "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f",
  status: "plan_in_place",
  levelOfNeed: 3,
  locality: "North",
  openedOn: "2026-06-01",
  ageBand: "3_to_6_months",
  leadUserId: leadId,
  leadName: "Jordan Hale",
};

const drift: DriftItem = {
  kind: "review_overdue",
  label: "Review overdue",
  familyId,
  familyName: "The Ashdown family",
  familyReference: "EH-DEMO-0001",
  subjectId: row.episodeId,
  what: "Review meeting not held",
  dueOn: "2026-11-12",
  daysLate: 17,
};

const signOff: SignOffItem = {
  subject: "assessment",
  subjectId: "2c8e1f3a-6b4d-4e5f-8a9b-0c1d2e3f4a5b",
  familyId,
  familyName: "The Ashdown family",
  familyReference: "EH-DEMO-0001",
  episodeId: row.episodeId,
  submittedAt: "2026-11-20T10:00:00.000Z",
  submittedByName: "Jordan Hale",
  history: [
    {
      decision: "returned",
      comments: "Add Robin's own words.",
      decidedByName: "Sam Okafor",
      decidedAt: "2026-11-18T10:00:00.000Z",
    },
  ],
};

/** A closure proposed earlier, returned once and proposed again. */
const closureWaiting: SignOffItem = {
  ...signOff,
  subject: "closure",
  subjectId: "7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  submittedAt: "2026-11-10T10:00:00.000Z",
  history: [],
};

function managerMe() {
  const me = meResponse({ role: "manager", displayName: "Sam Okafor" });
  return { ...me, abilities: { ...me.abilities, manager_workspace: { read: true } } };
}

function serve() {
  return fakeApi({
    "GET /api/me": [200, managerMe()],
    "GET /api/authority": [200, { data: { ...authority, localities: ["North", "South"] } }],
    "GET /api/manager/caseload": (call) => {
      const filtered = new URL(call.url).searchParams.get("locality") === "South";
      return [
        200,
        {
          data: filtered ? [] : [row],
          perLead: [
            {
              leadUserId: leadId,
              leadName: "Jordan Hale",
              open: 1,
              beingAssessed: 0,
              planInPlace: 1,
            },
          ],
          localities: ["North", "South"],
          total: 1,
        },
      ];
    },
    "GET /api/manager/drift": (call) => {
      const query = new URL(call.url).searchParams;
      const page = Number(query.get("page") ?? 1);
      const counts = [
        { kind: "review_overdue", label: "Review overdue", count: 1 },
        { kind: "action_overdue", label: "Action overdue", count: 119 },
      ];
      const total = query.get("kind") === "review_overdue" ? 1 : 120;
      return [200, { data: [drift], today: "2026-11-29", page, pageSize: 50, total, counts }];
    },
    "GET /api/manager/sign-offs": [200, { data: [closureWaiting, signOff] }],
  });
}

describe("the manager's workspace", () => {
  it("is where a manager lands, linked in the header", async () => {
    serve();
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Your service" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Your service" })).toBeTruthy();
  });

  it("shows drift most late first, the sign-off queue with its history, and the caseload per lead", async () => {
    serve();
    renderApp("/dashboard");
    const driftTable = await screen.findByRole("table", { name: /What is late/ });
    expect(within(driftTable).getByText("Review overdue")).toBeTruthy();
    expect(within(driftTable).getByText("17 days late")).toBeTruthy();
    expect(
      within(driftTable).getByRole("link", { name: "The Ashdown family" }).getAttribute("href"),
    ).toBe(`/families/${familyId}/meetings`);

    const signOffs = await screen.findByRole("table", { name: /waiting for sign-off/ });
    expect(within(signOffs).getByText(/Returned by Sam Okafor/)).toBeTruthy();
    expect(
      within(signOffs)
        .getByRole("link", { name: /open the assessment/ })
        .getAttribute("href"),
    ).toBe(`/families/${familyId}/assessments/${signOff.subjectId}`);
    // A closure is decided on the family's summary, where it waits.
    const rows = within(signOffs).getAllByRole("row");
    expect(rows[1]?.textContent).toMatch(/Closure/);
    expect(
      within(signOffs)
        .getByRole("link", { name: /open the closure/ })
        .getAttribute("href"),
    ).toBe(`/families/${familyId}#closure-sign-off`);

    const perLead = await screen.findByRole("table", { name: "Open cases per lead professional" });
    expect(within(perLead).getByRole("rowheader", { name: "Jordan Hale" })).toBeTruthy();
  });

  it("pages through a long drift queue and shows one kind at a time", async () => {
    const api = serve();
    renderApp("/dashboard");
    await screen.findByRole("table", { name: /120 items, page 1 of 3/ });
    const pages = screen.getByRole("navigation", { name: "Drift queue pages" });
    expect(within(pages).getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe(
      "page",
    );
    fireEvent.click(within(pages).getByRole("link", { name: "Next page" }));
    await screen.findByRole("table", { name: /page 2 of 3/ });
    expect(api.calls.some((c) => c.url.includes("/api/manager/drift?page=2"))).toBe(true);

    const kinds = screen.getByRole("navigation", { name: "Kinds of drift" });
    fireEvent.click(within(kinds).getByRole("link", { name: "Review overdue (1)" }));
    await screen.findByRole("table", { name: /What is late, most late first: 1 item$/ });
    await waitFor(() =>
      expect(api.calls.some((c) => /page=1&kind=review_overdue/.test(c.url))).toBe(true),
    );
    expect(screen.queryByRole("navigation", { name: "Drift queue pages" })).toBeNull();
  });

  it("filters the caseload", async () => {
    const api = serve();
    renderApp("/dashboard");
    await screen.findByRole("table", { name: "Open cases shown: 1 of 1" });
    fireEvent.change(screen.getByLabelText("Locality"), { target: { value: "South" } });
    await screen.findByRole("table", { name: "Open cases shown: 0 of 1" });
    await waitFor(() => expect(api.calls.some((c) => c.url.includes("locality=South"))).toBe(true));
  });
});
