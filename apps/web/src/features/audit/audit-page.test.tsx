import { documentKinds } from "@teamaround/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AuditLine } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const sam = "0b6f3c1e-5d2a-4c1b-9e3f-7a8d6c5b4a31";

function leadAbilities() {
  const abilities = noAbilities();
  abilities.audit = { read: true, export: true, read_readers: true, read_former_team: true };
  return abilities;
}

const lines: AuditLine[] = [
  {
    id: 40,
    firstAt: "2026-03-02T09:02:00.000Z",
    at: "2026-03-02T11:40:00.000Z",
    count: 14,
    actorId: sam,
    actorName: "Sam Okafor",
    actorAgency: "Health Visiting",
    actorRole: "practitioner",
    event: "plan.read",
    kind: "reads",
    words: "Sam Okafor (Health Visiting) read the plan 14 times between 09:02 and 11:40",
  },
  {
    id: 12,
    firstAt: "2026-03-01T10:00:00.000Z",
    at: "2026-03-01T10:00:00.000Z",
    count: 1,
    actorId: sam,
    actorName: "Sam Okafor",
    actorAgency: "Health Visiting",
    actorRole: "practitioner",
    event: "action.create",
    kind: "changes",
    words: "Sam Okafor (Health Visiting) added the action ‘Call the school nurse’",
  },
];

function serve(abilities = leadAbilities()) {
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      {
        data: family,
        abilities,
        documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
      },
    ],
    [`GET /api/families/${familyId}/audit`]: [
      200,
      {
        data: lines,
        nextBefore: 12,
        people: [{ id: sam, name: "Sam Okafor", agency: "Health Visiting" }],
        abilities,
      },
    ],
    [`GET /api/families/${familyId}/audit/former-team-reads`]: [
      200,
      {
        data: [
          {
            name: "Alex Rowe",
            agency: "Housing",
            leftAt: "2026-02-01T12:00:00.000Z",
            what: "read the plan",
            count: 2,
            firstAt: "2026-03-03T09:00:00.000Z",
            lastAt: "2026-03-04T09:00:00.000Z",
          },
        ],
        abilities,
      },
    ],
  });
}

describe("the audit log", () => {
  it("reads in plain words, with runs of reads as one line and no codes or ids", async () => {
    serve();
    renderApp(`/families/${familyId}/audit`);
    const table = await screen.findByRole("table", { name: /Latest entries/ });
    expect(
      within(table).getByText(
        "Sam Okafor (Health Visiting) read the plan 14 times between 09:02 and 11:40",
      ),
    ).toBeTruthy();
    expect(
      within(table).getByText(
        "Sam Okafor (Health Visiting) added the action ‘Call the school nurse’",
      ),
    ).toBeTruthy();
    expect(table.textContent).not.toContain("plan.read");
    expect(table.textContent).not.toContain(sam);
    expect(screen.getByRole("link", { name: "Older entries" }).getAttribute("href")).toContain(
      "before=12",
    );
    expect(screen.getByRole("link", { name: "Who has looked at these records" })).toBeTruthy();
  });

  it("filters by person, kind and dates, and the CSV link carries the same filters", async () => {
    const api = serve();
    renderApp(`/families/${familyId}/audit`);
    await screen.findByRole("table", { name: /Latest entries/ });
    fireEvent.change(screen.getByLabelText("Person"), { target: { value: sam } });
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "reads" } });
    const from = screen.getByRole("group", { name: "From" });
    fireEvent.change(within(from).getByLabelText("Day"), { target: { value: "1" } });
    fireEvent.change(within(from).getByLabelText("Month"), { target: { value: "3" } });
    fireEvent.change(within(from).getByLabelText("Year"), { target: { value: "2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Filter" }));
    await screen.findByRole("link", {
      name: "Download CSV",
    });
    await expect
      .poll(() => api.callsTo("GET", `/api/families/${familyId}/audit`).at(-1)?.url)
      .toContain("kind=reads");
    const url = new URL(api.callsTo("GET", `/api/families/${familyId}/audit`).at(-1)?.url ?? "");
    expect(url.searchParams.get("actorId")).toBe(sam);
    expect(url.searchParams.get("from")).toBe("2026-03-01");
    expect(url.searchParams.get("to")).toBeNull();
    await expect
      .poll(() => screen.getByRole("link", { name: "Download CSV" }).getAttribute("href"))
      .toBe(`/api/families/${familyId}/audit/export?actorId=${sam}&kind=reads&from=2026-03-01`);
  });

  it("refuses a date that is not real", async () => {
    serve();
    renderApp(`/families/${familyId}/audit`);
    await screen.findByRole("table", { name: /Latest entries/ });
    const to = screen.getByRole("group", { name: "To" });
    fireEvent.change(within(to).getByLabelText("Day"), { target: { value: "31" } });
    fireEvent.change(within(to).getByLabelText("Month"), { target: { value: "2" } });
    fireEvent.change(within(to).getByLabelText("Year"), { target: { value: "2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Filter" }));
    expect(await screen.findByText(/Enter a real date/)).toBeTruthy();
  });

  it("shows the lead the reads by people no longer in the team", async () => {
    serve();
    renderApp(`/families/${familyId}/audit`);
    const section = await screen.findByRole("region", {
      name: "Reads by people no longer in the team",
    });
    const row = await within(section).findByRole("row", { name: /Alex Rowe \(Housing\)/ });
    expect(row.textContent).toContain("read the plan (2 times)");
  });

  it("offers no CSV and no former-team report without the abilities", async () => {
    const abilities = noAbilities();
    abilities.audit.read = true;
    serve(abilities);
    renderApp(`/families/${familyId}/audit`);
    await screen.findByRole("table", { name: /Latest entries/ });
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();
    expect(
      screen.queryByRole("region", { name: "Reads by people no longer in the team" }),
    ).toBeNull();
  });
});
