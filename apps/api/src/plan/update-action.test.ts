import { actionOwners, actions } from "@teamaround/db";
import { buildTeamMember, buildUser } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAction, buildActionWorld, buildOutcome, dayOffset } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const actionWorld = () => buildActionWorld(api.deps.db);

describe("PATCH /api/families/{familyId}/actions/{actionId}", () => {
  it("lets a family member mark their own action done and back to open", async () => {
    const { s, parentAction, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.parentUser.id);
    const path = `${actionsPath}/${parentAction.id}`;
    const done = await call(api, "PATCH", path, { cookie, body: { version: 1, status: "done" } });
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({ status: "done", version: 2, canUpdate: true });
    expect(done.json.data.completedAt).toBe(api.clock.now.toISOString());
    const reopened = await call(api, "PATCH", path, {
      cookie,
      body: { version: 2, status: "open" },
    });
    expect(reopened.json.data).toMatchObject({ status: "open", completedAt: null, version: 3 });
  });

  it("refuses a family member changing the text of their own action, or dropping it", async () => {
    const { s, parentAction, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.parentUser.id);
    const path = `${actionsPath}/${parentAction.id}`;
    const text = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, status: "done", text: "Something easier" },
    });
    expect(text.status).toBe(403);
    const dropped = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, status: "dropped" },
    });
    expect(dropped.status).toBe(403);
    const [row] = await api.deps.db.select().from(actions).where(eq(actions.id, parentAction.id));
    expect(row).toMatchObject({ text: parentAction.text, status: "open", version: 1 });
  });

  it("refuses a family member changing an action they do not own", async () => {
    const { s, staffAction, actionsPath } = await actionWorld();
    const res = await call(api, "PATCH", `${actionsPath}/${staffAction.id}`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body: { version: 1, status: "done" },
    });
    expect(res.status).toBe(403);
  });

  it("answers a stale version with 409 and leaves the row unchanged", async () => {
    const { s, staffAction, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const path = `${actionsPath}/${staffAction.id}`;
    expect(
      (await call(api, "PATCH", path, { cookie, body: { version: 1, text: "First" } })).status,
    ).toBe(200);
    const stale = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, text: "Second", owners: [{ memberId: s.members.parent.id }] },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 2 },
    });
    const [row] = await api.deps.db.select().from(actions).where(eq(actions.id, staffAction.id));
    expect(row).toMatchObject({ text: "First", version: 2 });
    const owners = await api.deps.db
      .select()
      .from(actionOwners)
      .where(eq(actionOwners.actionId, staffAction.id));
    expect(owners.map((o) => o.userId)).toEqual([s.users.teamMember.id]);
  });

  it("lets staff replace the owners, move the due date and drop the action", async () => {
    const { s, staffAction, actionsPath } = await actionWorld();
    const colleague = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: s.agencies.school.id,
    });
    await buildTeamMember(api.deps.db, {
      familyId: s.family.id,
      userId: colleague.id,
      consentId: s.consent.id,
    });
    const res = await call(api, "PATCH", `${actionsPath}/${staffAction.id}`, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: {
        version: 1,
        dueDate: dayOffset(api.clock.now, 21),
        status: "dropped",
        owners: [{ userId: colleague.id }, { memberId: s.members.parent.id }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      status: "dropped",
      dueDate: dayOffset(api.clock.now, 21),
    });
    expect(res.json.data.owners.map((o: { kind: string }) => o.kind).sort()).toEqual([
      "family_member",
      "practitioner",
    ]);
  });

  it("refuses a due date moved into the past, and an owner not in the team", async () => {
    const { s, staffAction, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const path = `${actionsPath}/${staffAction.id}`;
    const past = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, dueDate: dayOffset(api.clock.now, -2) },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.details[0].path).toBe("dueDate");
    const outsider = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, owners: [{ userId: s.users.outsider.id }] },
    });
    expect(outsider.status).toBe(422);
    expect(outsider.json.error.details[0].path).toBe("owners.0");
    const [row] = await api.deps.db.select().from(actions).where(eq(actions.id, staffAction.id));
    expect(row?.version).toBe(1);
  });

  it("answers 404 for an action of another family", async () => {
    const { s, actionsPath } = await actionWorld();
    const otherOutcome = await buildOutcome(api.deps.db, {
      familyId: s.otherFamily.id,
      createdBy: s.users.otherLead.id,
    });
    const otherAction = await buildAction(api.deps.db, {
      familyId: s.otherFamily.id,
      outcomeId: otherOutcome.id,
      createdBy: s.users.otherLead.id,
      owners: [{ userId: s.users.otherLead.id }],
    });
    const res = await call(api, "PATCH", `${actionsPath}/${otherAction.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 1, status: "done" },
    });
    expect(res.status).toBe(404);
  });
});
