import { auditEvents } from "@teamaround/db";
import { buildMeeting, buildScenario, type Scenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const meetingsPath = (s: Scenario) => `/api/families/${s.family.id}/meetings`;
const asLead = (s: Scenario) => sessionCookieFor(api, s.users.lead.id);

async function auditCount(s: Scenario, event: string) {
  const rows = await api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, event)));
  return rows.length;
}

describe("PATCH /api/families/{familyId}/meetings/{meetingId}", () => {
  it("reschedules and edits the agenda, keeping named items and adding new ones", async () => {
    const s = await buildScenario(api.deps.db);
    const meeting = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const kept = meeting.agenda[1];
    const res = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie: await asLead(s),
      body: {
        version: 1,
        scheduledFor: inDays(10),
        agenda: [{ id: kept?.id, title: "Actions (renamed)" }, { title: "Any other business" }],
        invitees: [{ memberId: s.members.parent.id }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.version).toBe(2);
    expect(res.json.data.agenda[0]).toEqual({ id: kept?.id, title: "Actions (renamed)" });
    expect(res.json.data.agenda[1].id).toEqual(expect.any(String));
    expect(res.json.data.invitees.map((i: { kind: string }) => i.kind).sort()).toEqual([
      "family_member",
      "practitioner",
    ]);
    expect(await auditCount(s, "meeting.update")).toBe(1);
  });

  it("refuses a stale version, an agenda id it does not have, and a meeting no longer scheduled", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await asLead(s);
    const meeting = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const path = `${meetingsPath(s)}/${meeting.id}`;
    const stale = await call(api, "PATCH", path, { cookie, body: { version: 7, notes: "x" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("stale_version");
    const unknown = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, agenda: [{ id: "00000000-0000-4000-8000-000000000000", title: "x" }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.details).toEqual([
      { path: "agenda.0.id", message: "is not an item of this agenda" },
    ]);
    const live = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
    });
    const refused = await call(api, "PATCH", `${meetingsPath(s)}/${live.id}`, {
      cookie,
      body: { version: 1, notes: "x" },
    });
    expect(refused.status).toBe(409);
  });
});

describe("start and cancel", () => {
  it("starts a scheduled meeting once, and never a second live one in the family", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await asLead(s);
    const meeting = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const other = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const start = await call(api, "POST", `${meetingsPath(s)}/${meeting.id}/start`, {
      cookie,
      body: { version: 1 },
    });
    expect(start.status).toBe(200);
    expect(start.json.data).toMatchObject({ state: "live", version: 2 });
    expect(start.json.data.startedAt).toEqual(expect.any(String));
    const again = await call(api, "POST", `${meetingsPath(s)}/${meeting.id}/start`, {
      cookie,
      body: { version: 2 },
    });
    expect(again.status).toBe(409);
    const second = await call(api, "POST", `${meetingsPath(s)}/${other.id}/start`, {
      cookie,
      body: { version: 1 },
    });
    expect(second.status).toBe(409);
    const cancelLive = await call(api, "POST", `${meetingsPath(s)}/${meeting.id}/cancel`, {
      cookie,
      body: { version: 2 },
    });
    expect(cancelLive.status).toBe(409);
    const cancel = await call(api, "POST", `${meetingsPath(s)}/${other.id}/cancel`, {
      cookie,
      body: { version: 1 },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.json.data.state).toBe("cancelled");
    expect(await auditCount(s, "meeting.start")).toBe(1);
    expect(await auditCount(s, "meeting.cancel")).toBe(1);
  });
});
