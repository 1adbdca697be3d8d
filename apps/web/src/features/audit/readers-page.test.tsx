import { documentKinds } from "@teamaround/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function serve(readReaders: boolean) {
  const abilities = noAbilities();
  abilities.audit = { read: true, export: true, read_readers: readReaders, read_former_team: true };
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
    [`GET /api/families/${familyId}/audit/readers`]: [
      200,
      {
        data: [
          {
            name: "Sam Okafor",
            agency: "Health Visiting",
            role: "Member of the team",
            lastAt: "2026-03-03T09:02:00.000Z",
            reads: [
              { what: "read the plan", lastAt: "2026-03-03T09:02:00.000Z", count: 2 },
              { what: "read the assessment", lastAt: "2026-03-01T09:00:00.000Z", count: 1 },
            ],
          },
        ],
        abilities,
      },
    ],
  });
}

describe("who has looked at these records", () => {
  it("is linked from the family's summary for the lead", async () => {
    serve(true);
    renderApp(`/families/${familyId}`);
    const link = await screen.findByRole("link", { name: "Who has looked at these records" });
    expect(link.getAttribute("href")).toBe(`/families/${familyId}/audit/readers`);
  });

  it("is not linked for someone who may not see it", async () => {
    serve(false);
    renderApp(`/families/${familyId}`);
    await screen.findByRole("heading", { level: 1, name: "Summary" });
    expect(screen.queryByRole("link", { name: "Who has looked at these records" })).toBeNull();
  });

  it("names each person, their agency and part in the team, and when they last read what", async () => {
    serve(true);
    renderApp(`/families/${familyId}/audit/readers`);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Who has looked at these records" }),
    ).toBeTruthy();
    const card = (
      await screen.findByRole("heading", { level: 2, name: "Sam Okafor, Health Visiting" })
    ).closest(".govuk-summary-card") as HTMLElement;
    expect(within(card).getByText("Member of the team")).toBeTruthy();
    expect(within(card).getByText("Read the plan")).toBeTruthy();
    expect(within(card).getByText("Last on 3 March 2026 at 9:02am (2 times in all)")).toBeTruthy();
    expect(within(card).getByText("Last on 1 March 2026 at 9am")).toBeTruthy();
  });
});
