import { auditEvents } from "@teamaround/db";
import { buildMember } from "@teamaround/db/testing";
import type { FamilyChangedEvent } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { type AudienceWorld, buildAudienceWorld } from "./audience-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function cookies(w: AudienceWorld) {
  return {
    lead: await sessionCookieFor(api, w.s.users.lead.id),
    parent: await sessionCookieFor(api, w.s.users.parentUser.id),
    teen: await sessionCookieFor(api, w.teenUser.id),
  };
}

type PlanJson = {
  data: { id: string; title: string; actions: { id: string; progress: { note: string }[] }[] }[];
};

async function plan(w: AudienceWorld, cookie: string) {
  const res = await call(api, "GET", `/api/families/${w.s.family.id}/outcomes`, { cookie });
  expect(res.status).toBe(200);
  const json = res.json as PlanJson;
  return {
    outcomes: json.data.map((o) => o.id).sort(),
    actions: json.data.flatMap((o) => o.actions.map((a) => a.id)).sort(),
    notes: json.data.flatMap((o) => o.actions.flatMap((a) => a.progress.map((p) => p.note))),
  };
}

const sorted = (...ids: string[]) => [...ids].sort();

describe("the plan within the family", () => {
  it("shows a 16-year-old only what their audience allows, a parent with PR more, the team everything", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    expect(await plan(w, c.teen)).toMatchObject({
      outcomes: [w.school.id],
      actions: sorted(w.teenAction.id, w.openAction.id),
    });
    expect(await plan(w, c.parent)).toMatchObject({
      outcomes: sorted(w.benefits.id, w.school.id),
      actions: sorted(w.claimAction.id, w.parentAction.id, w.openAction.id),
    });
    expect(await plan(w, c.lead)).toMatchObject({
      outcomes: sorted(w.benefits.id, w.school.id),
      actions: sorted(w.claimAction.id, w.teenAction.id, w.parentAction.id, w.openAction.id).sort(),
    });
  });

  it("answers 404 to a member for an action outside their audience, by id", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const base = `/api/families/${w.s.family.id}/actions`;
    const progress = await call(api, "POST", `${base}/${w.claimAction.id}/progress`, {
      cookie: c.teen,
      body: { note: "I saw the letter" },
    });
    expect(progress.status).toBe(404);
    const update = await call(api, "PATCH", `${base}/${w.teenAction.id}`, {
      cookie: c.parent,
      body: { version: 1, status: "done" },
    });
    expect(update.status).toBe(404);
  });

  it("lists a member's own actions only where they may see them", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const mine = await call(api, "GET", "/api/my/actions", { cookie: c.teen });
    expect((mine.json as { data: { id: string }[] }).data.map((a) => a.id)).toEqual([
      w.teenAction.id,
    ]);
    const parents = await call(api, "GET", "/api/my/actions", { cookie: c.parent });
    const parentIds = (parents.json as { data: { id: string }[] }).data.map((a) => a.id);
    expect(parentIds.sort()).toEqual(sorted(w.claimAction.id, w.openAction.id));
  });

  it("counts on the family's home page only the actions a member may see", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const open = async (cookie: string) => {
      const res = await call(api, "GET", "/api/families", { cookie });
      const rows = (res.json as { data: { id: string; openActions: number }[] }).data;
      return rows.find((f) => f.id === w.s.family.id)?.openActions;
    };
    expect(await open(c.teen)).toBe(2);
    expect(await open(c.parent)).toBe(3);
    expect(await open(c.lead)).toBe(4);
  });

  it("keeps a member's progress note for the team only from the rest of the family", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const path = `/api/families/${w.s.family.id}/actions/${w.openAction.id}/progress`;
    const res = await call(api, "POST", path, {
      cookie: c.parent,
      body: { note: "I am finding mornings very hard", forTeamOnly: true },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ data: { forTeamOnly: true } });
    expect((await plan(w, c.parent)).notes).toContain("I am finding mornings very hard");
    expect((await plan(w, c.lead)).notes).toContain("I am finding mornings very hard");
    expect((await plan(w, c.teen)).notes).not.toContain("I am finding mornings very hard");
  });
});

describe("setting and changing the audience", () => {
  it("stores the audience on a new outcome and announces it only to those who may see it", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const res = await call(api, "POST", `/api/families/${w.s.family.id}/outcomes`, {
      cookie: c.lead,
      body: {
        area: "health",
        title: "Jordan feels safe",
        measure: "Jordan says so",
        targetDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        audience: { kind: "young_person", memberIds: [w.teen.id] },
      },
    });
    expect(res.status).toBe(201);
    const outcome = (res.json as { data: { id: string; audience: unknown } }).data;
    expect(outcome.audience).toEqual({ kind: "young_person", memberIds: [w.teen.id] });
    const notice = api.events.find(
      (e): e is FamilyChangedEvent => e.type === "family.changed" && e.id === outcome.id,
    );
    expect(notice?.familySeenBy).toEqual([w.teenUser.id]);
    expect((await plan(w, c.parent)).outcomes).not.toContain(outcome.id);
    expect((await plan(w, c.teen)).outcomes).toContain(outcome.id);
  });

  it("refuses members of another family, a young person who is an adult, and an owner left outside", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const stranger = await buildMember(api.deps.db, { familyId: w.s.otherFamily.id });
    const base = `/api/families/${w.s.family.id}`;
    const foreign = await call(api, "PATCH", `${base}/outcomes/${w.school.id}`, {
      cookie: c.lead,
      body: { version: 1, audience: { kind: "named_members", memberIds: [stranger.id] } },
    });
    expect(foreign.status).toBe(422);
    const adult = await call(api, "PATCH", `${base}/outcomes/${w.school.id}`, {
      cookie: c.lead,
      body: {
        version: 1,
        audience: { kind: "young_person", memberIds: [w.s.members.parent.id] },
      },
    });
    expect(adult.status).toBe(422);
    // The young person owns an action under this outcome: they must still see it.
    const ownerOutside = await call(api, "PATCH", `${base}/outcomes/${w.school.id}`, {
      cookie: c.lead,
      body: { version: 1, audience: { kind: "parental_responsibility", memberIds: [] } },
    });
    expect(ownerOutside.status).toBe(422);
    const shapeless = await call(api, "PATCH", `${base}/actions/${w.openAction.id}`, {
      cookie: c.lead,
      body: { version: 1, audience: { kind: "young_person", memberIds: [] } },
    });
    expect(shapeless.status).toBe(400);
  });

  it("audits an audience change in plain words, and a member may not change it", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const path = `/api/families/${w.s.family.id}/actions/${w.openAction.id}`;
    const audience = { kind: "named_members", memberIds: [w.s.members.parent.id] };
    const byParent = await call(api, "PATCH", path, {
      cookie: c.parent,
      body: { version: 1, audience },
    });
    expect(byParent.status).toBe(403);
    const res = await call(api, "PATCH", path, { cookie: c.lead, body: { version: 1, audience } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ data: { audience } });
    const rows = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.familyId, w.s.family.id),
          eq(auditEvents.event, "action.audience_change"),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toMatchObject({ from: "whole_family", to: "named_members" });
    expect((await plan(w, c.teen)).actions).not.toContain(w.openAction.id);
  });
});
