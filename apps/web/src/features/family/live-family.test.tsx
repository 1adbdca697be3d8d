import type { QueryClient } from "@tanstack/react-query";
import { documentKinds } from "@teamaround/domain";
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Action, PlanOutcome } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { type FakeSocket, fakeRealtime } from "../../testing/fake-realtime";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import { fallbackPollMs } from "./use-live-family";

const parentMemberId = "3d9a5e2c-4c3f-4a9a-9b2d-7e4f5a6b7c83";
const action: Action = {
  id: "1b7e3c0a-2a1d-4e7e-9f0b-5c2d3e4f5a61",
  outcomeId: "2c8f4d1b-3b2e-4f8f-8a1c-6d3e4f5a6b72",
  text: "Set two alarms on school mornings",
  dueDate: "2026-12-10",
  status: "open",
  overdue: false,
  completedAt: null,
  completedByName: null,
  needsNewOwner: false,
  ownersWhoLeft: [],
  version: 1,
  owners: [{ kind: "family_member", memberId: parentMemberId, name: "Alex Rivers" }],
  progress: [],
  canUpdate: false,
  canAddProgress: false,
  audience: { kind: "whole_family", memberIds: [] },
};
const outcome = (actions: Action[]): PlanOutcome => ({
  id: action.outcomeId,
  episodeId: "0b9e5a1c-2f4d-4e6a-8c1b-3d5f7a9c1e2b",
  area: "education",
  title: "Jo goes to school every day",
  measure: "Attendance above 95%",
  targetDate: "2027-01-31",
  status: "active",
  version: 1,
  audience: { kind: "whole_family", memberIds: [] },
  actions,
});

/** The API, where the parent's action can be marked done "elsewhere" (by another person). */
function serve(role: "practitioner" | "family_member") {
  const abilities = noAbilities();
  abilities.outcome.read = true;
  abilities.action.read = true;
  const state = { done: false };
  const current = () => (state.done ? { ...action, status: "done" as const } : action);
  const api = fakeApi({
    "GET /api/me": [200, meResponse(role === "family_member" ? { role, agency: null } : {})],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      {
        data: family,
        abilities,
        documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
      },
    ],
    [`GET /api/families/${familyId}/outcomes`]: () => [
      200,
      { data: [outcome([current()])], abilities },
    ],
    "GET /api/my/actions": () => [
      200,
      { data: state.done ? [] : [{ ...current(), familyId, outcomeTitle: outcome([]).title }] },
    ],
  });
  return { api, state };
}

beforeEach(() => {
  fakeRealtime.autoConnect = true;
  fakeRealtime.answer = (event, payload) => {
    if (event === "family:watch") return { ok: true, data: payload };
    if (event === "notifications:watch") return { ok: true, data: { unreadCount: 0 } };
    return undefined;
  };
});

async function watchingSocket(): Promise<FakeSocket> {
  let found: FakeSocket | undefined;
  await waitFor(() => {
    found = fakeRealtime.sockets.find((s) => s.sent.some((m) => m.event === "family:watch"));
    expect(found?.sent).toContainEqual({ event: "family:watch", payload: { familyId } });
  });
  if (!found) throw new Error("no socket watches the family");
  return found;
}

/** The poll interval every observer of a query asks for (false: it does not poll). */
function intervals(queryClient: QueryClient, queryKey: readonly unknown[]) {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  return query?.observers.map((o) => o.options.refetchInterval) ?? [];
}

const notice = (resource: string) => ({
  familyId,
  resource,
  id: action.id,
  change: "updated",
  by: "85d4c1c4-d813-472d-bc71-757aba02169e",
  at: "2026-11-30T02:00:00.000Z",
});

describe("the plan page without polling", () => {
  it("watches the family, does not poll, and re-reads the outcomes when a change is pushed", async () => {
    const { api, state } = serve("practitioner");
    const { queryClient } = renderApp(`/families/${familyId}/plan`);
    expect(await screen.findByText("Set two alarms on school mornings")).toBeTruthy();
    const socket = await watchingSocket();
    const outcomesKey = ["family", familyId, "outcomes"];
    await waitFor(() => expect(intervals(queryClient, outcomesKey)).toEqual([false]));
    const reads = api.callsTo("GET", `/api/families/${familyId}/outcomes`).length;

    // The parent marks it done elsewhere; realtime tells this page.
    state.done = true;
    socket.push("notice", notice("action"));
    await waitFor(() =>
      expect(api.callsTo("GET", `/api/families/${familyId}/outcomes`)).toHaveLength(reads + 1),
    );
    expect(await screen.findByText(/Done/)).toBeTruthy();
  });

  it("falls back to a slow poll while the socket cannot connect", async () => {
    fakeRealtime.autoConnect = false;
    serve("practitioner");
    const { queryClient } = renderApp(`/families/${familyId}/plan`);
    expect(await screen.findByText("Set two alarms on school mornings")).toBeTruthy();
    const outcomesKey = ["family", familyId, "outcomes"];
    expect(intervals(queryClient, outcomesKey)).toEqual([false]);
    for (const socket of fakeRealtime.sockets) socket.push("connect_error", new Error("refused"));
    await waitFor(() => expect(intervals(queryClient, outcomesKey)).toEqual([fallbackPollMs]));
  });
});

describe("the family view without polling", () => {
  it("watches the family, does not poll, and shows a pushed change to my actions", async () => {
    const { api, state } = serve("family_member");
    const { queryClient } = renderApp(`/our-family/${familyId}`);
    expect(await screen.findByRole("heading", { name: "Our plan" })).toBeTruthy();
    await screen.findAllByText(/Set two alarms on school mornings/);
    const socket = await watchingSocket();
    await waitFor(() => {
      expect(intervals(queryClient, ["family", familyId, "outcomes"])).toEqual([false]);
      expect(intervals(queryClient, ["my", "actions"])).toEqual([false]);
    });
    const reads = api.callsTo("GET", "/api/my/actions").length;

    state.done = true;
    socket.push("notice", notice("action"));
    // Changes to what the page does not show, or to another family, read nothing: only the
    // last notice (an action again) reads the outcomes once more.
    const outcomesPath = `/api/families/${familyId}/outcomes`;
    await waitFor(() => expect(api.callsTo("GET", "/api/my/actions")).toHaveLength(reads + 1));
    const outcomeReads = api.callsTo("GET", outcomesPath).length;
    socket.push("notice", notice("meeting"));
    socket.push("notice", {
      ...notice("outcome"),
      familyId: "5d1f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e",
    });
    socket.push("notice", notice("action"));
    await waitFor(() => expect(api.callsTo("GET", "/api/my/actions")).toHaveLength(reads + 2));
    await waitFor(() => expect(api.callsTo("GET", outcomesPath)).toHaveLength(outcomeReads + 1));
  });
});
