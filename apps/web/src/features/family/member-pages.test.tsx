import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyMember } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function member(overrides: Partial<FamilyMember>): FamilyMember {
  return {
    id: crypto.randomUUID(),
    kind: "child",
    givenName: "Robin",
    familyName: "Ashdown",
    dateOfBirth: "2016-03-27",
    school: null,
    needs: [],
    relationship: null,
    parentalResponsibility: false,
    judgedCompetent: false,
    canGiveConsent: false,
    address: null,
    phone: null,
    email: null,
    preferredLanguage: null,
    interpreterNeeded: false,
    communicationNeeds: null,
    gpPractice: null,
    youngCarer: false,
    equality: null,
    hasPortalAccount: false,
    version: 1,
    createdAt: "2026-10-01T09:00:00.000Z",
    updatedAt: "2026-10-01T09:00:00.000Z",
    ...overrides,
  };
}

const mum = member({
  kind: "adult",
  givenName: "Dana",
  relationship: "mother",
  parentalResponsibility: true,
  canGiveConsent: true,
  phone: "07700 900123",
  preferredLanguage: "Polish",
  interpreterNeeded: true,
  equality: { ethnicity: "White Polish", religion: null, disabilityOrSen: null },
});
const robin = member({ givenName: "Robin" });
const kit = member({ givenName: "Kit", dateOfBirth: "2009-01-01", canGiveConsent: true });

function serve() {
  const abilities = noAbilities();
  abilities.member.read = true;
  abilities.member.create = true;
  abilities.consent.read = true;
  abilities.consent.record = true;
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities }],
    [`GET /api/families/${familyId}/members`]: [200, { data: [mum, robin, kit], abilities }],
    "GET /api/agencies": [200, { data: [] }],
  });
}

describe("recording consent", () => {
  it("offers as givers only those the consent rule allows", async () => {
    serve();
    renderApp(`/families/${familyId}/consents/new`);
    const givers = await screen.findByRole("group", { name: "Who gave or refused consent?" });
    expect(await within(givers).findByLabelText(/Dana Ashdown/)).toBeTruthy();
    expect(within(givers).getByLabelText(/Kit Ashdown/)).toBeTruthy();
    expect(within(givers).queryByLabelText(/Robin Ashdown/)).toBeNull();
  });
});

describe("the member form", () => {
  it("gives an adult's date of birth an adult's example", async () => {
    serve();
    renderApp(`/families/${familyId}/members/new?kind=adult`);
    expect(await screen.findByText("For example, 14 6 1988")).toBeTruthy();
    expect(screen.queryByText("For example, 27 3 2015")).toBeNull();
  });

  it("asks for contact, language, health and optional equality details in groups", async () => {
    serve();
    renderApp(`/families/${familyId}/members/new?kind=child`);
    for (const group of [
      "Contact details (optional)",
      "Language and communication (optional)",
      "Health and education (optional)",
      "Equality information (optional)",
    ]) {
      expect(await screen.findByRole("group", { name: group })).toBeTruthy();
    }
    expect(screen.getByText(/only shown to the team and to this person/)).toBeTruthy();
  });
});

describe("the members page", () => {
  it("shows the details, and equality information only where the API gave it", async () => {
    serve();
    renderApp(`/families/${familyId}/members`);
    expect(await screen.findByText("07700 900123")).toBeTruthy();
    expect(screen.getByText("White Polish")).toBeTruthy();
    expect(screen.getAllByRole("region", { name: "Equality information" })).toHaveLength(1);
  });
});
