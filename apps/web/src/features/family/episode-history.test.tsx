import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { familyId, noAbilities } from "../../testing/fixtures";
import { EpisodeHistory } from "./episode-history";

const closedId = "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f";
const openId = "2c8a1b9f-63a5-4e8a-8b8f-1a1b2c3d4e5f";
const closureUrl = (id: string) => `/api/families/${familyId}/records/closure/${id}/corrections`;
const words =
  "Corrected on 30 November 2026 by Jordan Hale: Closing summary — Robin attends every day. Reason: Typed the wrong name.";

function episode(id: string, number: number, closed: boolean) {
  return {
    id,
    number,
    origin: "request_for_help",
    status: closed ? "closed" : "plan_in_place",
    openedAt: "2026-01-05T09:00:00.000Z",
    planInPlaceAt: null,
    closedAt: closed ? "2026-06-30T09:00:00.000Z" : null,
    closedBy: closed
      ? { id: "9d1d97fe-9e71-473b-835a-b6f5e0445342", displayName: "Jordan Hale" }
      : null,
    closureReason: closed ? "outcomes_met" : null,
    closureSummary: closed ? "Robin attends most days." : null,
    request: null,
    askedBy: null,
    reReferralOfEpisodeId: null,
    outcomeResults: [],
    events: [],
  };
}

function serve(canCorrect: boolean) {
  const abilities = noAbilities();
  abilities.episode.read = true;
  abilities.correction = { read: true, create: canCorrect };
  return fakeApi({
    [`GET /api/families/${familyId}/episodes`]: [
      200,
      { data: [episode(openId, 2, false), episode(closedId, 1, true)], abilities },
    ],
    [`GET ${closureUrl(closedId)}`]: [200, { data: [{ id: "c1", words }], abilities }],
  });
}

function show(showCorrections: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <EpisodeHistory familyId={familyId} showCorrections={showCorrections} />
    </QueryClientProvider>,
  );
}

describe("the corrections beneath a closed episode's closure", () => {
  it("shows the lead the closure's corrections and the form, and none for the open episode", async () => {
    const api = serve(true);
    show(true);
    const section = await screen.findByRole("region", { name: "Corrections" });
    expect(within(section).getByText(words)).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Add the correction" })).toBeTruthy();
    expect(screen.getAllByRole("region", { name: "Corrections" })).toHaveLength(1);
    expect(api.callsTo("GET", closureUrl(openId))).toHaveLength(0);
  });

  it("shows a team member the corrections without the form", async () => {
    serve(false);
    show(true);
    expect(await screen.findByText(words)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add the correction" })).toBeNull();
  });

  it("shows no corrections to a reader who may not see them", async () => {
    const api = serve(false);
    show(false);
    expect(await screen.findByText("Episode 1")).toBeTruthy();
    await waitFor(() =>
      expect(api.callsTo("GET", `/api/families/${familyId}/episodes`)).toHaveLength(1),
    );
    expect(screen.queryByRole("region", { name: "Corrections" })).toBeNull();
    expect(api.callsTo("GET", closureUrl(closedId))).toHaveLength(0);
  });
});
