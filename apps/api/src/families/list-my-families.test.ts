import { buildMeeting, buildScenario, type Scenario } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const day = 86_400_000;

interface ListedFamily {
  id: string;
  nextMeeting: { id: string; kind: string; scheduledFor: string; state: string } | null;
}

async function listAs(userId: string): Promise<ListedFamily[]> {
  const response = await call(api, "GET", "/api/families", {
    cookie: await sessionCookieFor(api, userId),
  });
  expect(response.status).toBe(200);
  return (response.json as { data: ListedFamily[] }).data;
}

const find = (rows: ListedFamily[], s: Scenario) => rows.find((f) => f.id === s.family.id);

describe("GET /api/families: next meeting", () => {
  it("is null when no meeting is booked", async () => {
    const s = await buildScenario(api.deps.db);
    expect(find(await listAs(s.users.lead.id), s)?.nextMeeting).toBeNull();
  });

  it("is the soonest booked meeting, skipping ended and cancelled ones", async () => {
    const s = await buildScenario(api.deps.db);
    const base = { familyId: s.family.id, chairUserId: s.users.lead.id };
    const soon = new Date(Date.now() + 3 * day);
    await buildMeeting(api.deps.db, { ...base, scheduledFor: new Date(Date.now() + 9 * day) });
    const next = await buildMeeting(api.deps.db, { ...base, kind: "initial", scheduledFor: soon });
    await buildMeeting(api.deps.db, {
      ...base,
      state: "cancelled",
      cancelledAt: new Date(),
      scheduledFor: new Date(Date.now() + day),
    });
    for (const userId of [s.users.lead.id, s.users.teamMember.id, s.users.parentUser.id]) {
      expect(find(await listAs(userId), s)?.nextMeeting).toEqual({
        id: next.id,
        kind: "initial",
        scheduledFor: soon.toISOString(),
        state: "scheduled",
      });
    }
  });

  it("is the meeting under way when one is live, and one row per family", async () => {
    const s = await buildScenario(api.deps.db);
    const base = { familyId: s.family.id, chairUserId: s.users.lead.id };
    await buildMeeting(api.deps.db, { ...base, scheduledFor: new Date(Date.now() + day) });
    const live = await buildMeeting(api.deps.db, { ...base, state: "live" });
    const rows = await listAs(s.users.lead.id);
    expect(rows.filter((f) => f.id === s.family.id)).toHaveLength(1);
    expect(find(rows, s)?.nextMeeting).toMatchObject({ id: live.id, state: "live" });
  });
});
