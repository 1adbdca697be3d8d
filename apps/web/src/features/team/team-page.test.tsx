import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities, team } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function serve(abilities: FamilyAbilities) {
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/team`]: [200, { data: team, abilities }],
  });
}

describe("the team page shows controls only from the caller's abilities", () => {
  it("offers no changes to a reader", async () => {
    serve(noAbilities());
    renderApp(`/families/${familyId}/team`);
    expect(await screen.findByRole("cell", { name: "Eastmoor Health Visiting Team" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Add a practitioner" })).toBeNull();
    expect(screen.queryByRole("link", { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole("link", { name: /Hand over/ })).toBeNull();
  });

  it("offers add, remove and hand-over when the API allows them", async () => {
    const abilities = noAbilities();
    abilities.team = {
      read: true,
      read_former: true,
      add: true,
      remove: true,
      lead_handover: true,
    };
    serve(abilities);
    renderApp(`/families/${familyId}/team`);
    expect(await screen.findByRole("link", { name: "Add a practitioner" })).toBeTruthy();
    expect(
      await screen.findByRole("link", { name: "Remove Sam Okafor from the team" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: /Hand over the lead professional role/ })).toBeTruthy();
  });

  it("lists only the record's sections the caller may read", async () => {
    const abilities = noAbilities();
    abilities.consent.read = true;
    serve(abilities);
    renderApp(`/families/${familyId}/team`);
    const nav = await screen.findByRole("navigation", { name: "Family record" });
    expect(nav.textContent).toContain("Consent");
    expect(nav.textContent).not.toContain("Audit log");
    expect(nav.textContent).not.toContain("Sharing register");
  });
});
