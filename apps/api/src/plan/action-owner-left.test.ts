import { actions, teamMemberships } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildActionWorld } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** The action world, with the team member (who owns the staff action) gone from the team. */
async function ownerLeft() {
  const w = await buildActionWorld(api.deps.db);
  await api.deps.db
    .update(teamMemberships)
    .set({ removedAt: new Date() })
    .where(
      and(
        eq(teamMemberships.familyId, w.s.family.id),
        eq(teamMemberships.userId, w.s.users.teamMember.id),
      ),
    );
  return w;
}

async function planActions(familyId: string, userId: string) {
  const res = await call(api, "GET", `/api/families/${familyId}/outcomes`, {
    cookie: await sessionCookieFor(api, userId),
  });
  expect(res.status).toBe(200);
  return res.json.data.flatMap((o: { actions: { id: string }[] }) => o.actions) as {
    id: string;
    needsNewOwner: boolean;
    ownersWhoLeft: string[];
    completedByName: string | null;
  }[];
}

describe("an action whose owner has left the team", () => {
  it("is flagged to the lead as needing a new owner, naming who left", async () => {
    const { s, staffAction, parentAction } = await ownerLeft();
    const list = await planActions(s.family.id, s.users.lead.id);
    expect(list.find((a) => a.id === staffAction.id)).toMatchObject({
      needsNewOwner: true,
      ownersWhoLeft: [s.users.teamMember.id],
    });
    expect(list.find((a) => a.id === parentAction.id)?.needsNewOwner).toBe(false);
  });

  it("is counted on the lead's list of families, and not shown to the family", async () => {
    const { s, staffAction } = await ownerLeft();
    const lead = await call(api, "GET", "/api/families", {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    const row = lead.json.data.find((f: { id: string }) => f.id === s.family.id);
    expect(row.actionsNeedingNewOwner).toBe(1);
    const asParent = await planActions(s.family.id, s.users.parentUser.id);
    expect(asParent.find((a) => a.id === staffAction.id)).toMatchObject({
      needsNewOwner: false,
      ownersWhoLeft: [],
    });
  });

  it("is no longer flagged once it has a new owner", async () => {
    const { s, staffAction, actionsPath } = await ownerLeft();
    const res = await call(api, "PATCH", `${actionsPath}/${staffAction.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 1, owners: [{ userId: s.users.lead.id }] },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.needsNewOwner).toBe(false);
  });
});

describe("who marked an action done", () => {
  it("is recorded and shown, and cleared when it is reopened", async () => {
    const { s, parentAction, actionsPath } = await buildActionWorld(api.deps.db);
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const url = `${actionsPath}/${parentAction.id}`;
    const done = await call(api, "PATCH", url, {
      cookie: parent,
      body: { version: 1, status: "done" },
    });
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({
      status: "done",
      completedByName: s.users.parentUser.displayName,
    });
    const [row] = await api.deps.db.select().from(actions).where(eq(actions.id, parentAction.id));
    expect(row?.completedBy).toBe(s.users.parentUser.id);
    const reopened = await call(api, "PATCH", url, {
      cookie: parent,
      body: { version: 2, status: "open" },
    });
    expect(reopened.json.data).toMatchObject({ completedAt: null, completedByName: null });
  });

  it("is not changed by a refused change (a family member dropping the action)", async () => {
    const { s, parentAction, actionsPath } = await buildActionWorld(api.deps.db);
    const res = await call(api, "PATCH", `${actionsPath}/${parentAction.id}`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body: { version: 1, status: "dropped" },
    });
    expect(res.status).toBe(403);
    const [row] = await api.deps.db.select().from(actions).where(eq(actions.id, parentAction.id));
    expect(row).toMatchObject({ status: "open", completedBy: null, version: 1 });
  });
});
