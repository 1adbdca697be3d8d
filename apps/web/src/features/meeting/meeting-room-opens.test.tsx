import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { type FakeSocket, fakeRealtime } from "../../testing/fake-realtime";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const leadId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";
const meetingPath = `/api/families/${familyId}/meetings/${meetingId}`;

const meeting = (state: "scheduled" | "live") => ({
  id: meetingId,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: leadId, name: "Jordan Hale" },
  state,
  agenda: [],
  currentAgendaItemId: null,
  startedAt: state === "live" ? "2031-03-10T10:02:00.000Z" : null,
  endedAt: null,
  cancelledAt: null,
  version: state === "live" ? 4 : 3,
  invitees: [{ kind: "practitioner", userId: leadId, name: "Jordan Hale", agencyName: null }],
  planVersionId: null,
  timeliness: null,
  attendance: [],
  chat: [],
  decisions: [],
  apologies: [],
});

beforeEach(() => {
  fakeRealtime.autoConnect = true;
  fakeRealtime.answer = (event, payload) => {
    if (event === "family:watch") return { ok: true, data: payload };
    if (event === "notifications:watch") return { ok: true, data: { unreadCount: 0 } };
    return undefined;
  };
});

describe("a meeting room before the meeting starts", () => {
  it("watches the family instead of polling, and opens when the chair's start is pushed", async () => {
    const a: FamilyAbilities = noAbilities();
    a.meeting = { ...a.meeting, read: true };
    const state = { now: "scheduled" as "scheduled" | "live" };
    const api = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      [`GET /api/families/${familyId}`]: [200, { data: family, abilities: a }],
      [`GET ${meetingPath}`]: () => [200, { data: meeting(state.now), abilities: a }],
    });
    const { queryClient } = renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(await screen.findByText("Booked")).toBeTruthy();
    let socket: FakeSocket | undefined;
    await waitFor(() => {
      socket = fakeRealtime.sockets.find((s) => s.sent.some((m) => m.event === "family:watch"));
      expect(socket).toBeTruthy();
    });
    const query = queryClient
      .getQueryCache()
      .find({ queryKey: ["family", familyId, "meetings", meetingId], exact: true });
    // While the watch is up nothing polls (the interval is decided from the data).
    await waitFor(() =>
      expect(
        query?.observers.map((o) => {
          const interval = o.options.refetchInterval;
          return typeof interval === "function" ? interval(query) : interval;
        }),
      ).toEqual([false]),
    );
    const reads = api.callsTo("GET", meetingPath).length;

    state.now = "live";
    socket?.push("notice", {
      familyId,
      resource: "meeting",
      id: meetingId,
      change: "updated",
      by: leadId,
      at: "2031-03-10T10:02:00.000Z",
    });
    await waitFor(() => expect(api.callsTo("GET", meetingPath).length).toBeGreaterThan(reads));
    expect(await screen.findByText("In progress")).toBeTruthy();
  });
});
