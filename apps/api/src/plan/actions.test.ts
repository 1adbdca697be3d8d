import { actionProgressNotes, actions, auditEvents, teamMemberships } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildActionWorld, buildOutcome, dayOffset } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const actionWorld = () => buildActionWorld(api.deps.db);

const actionsOf = (familyId: string) =>
  api.deps.db.select().from(actions).where(eq(actions.familyId, familyId));

describe("POST /api/families/{familyId}/actions", () => {
  it("creates an action with practitioner and family owners in one go", async () => {
    const { s, outcome, actionsPath } = await actionWorld();
    const res = await call(api, "POST", actionsPath, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        outcomeId: outcome.id,
        text: "Ask the GP about sleep",
        dueDate: dayOffset(api.clock.now, 7),
        owners: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      status: "open",
      version: 1,
      overdue: false,
      progress: [],
    });
    expect(res.json.data.owners).toHaveLength(2);
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "action.create"), eq(auditEvents.resourceId, res.json.data.id)),
      );
    expect(audit).toHaveLength(1);
  });

  it("refuses an outcome of another family with 422 and inserts nothing", async () => {
    const { s, actionsPath } = await actionWorld();
    const other = await buildOutcome(api.deps.db, {
      familyId: s.otherFamily.id,
      createdBy: s.users.otherLead.id,
    });
    const res = await call(api, "POST", actionsPath, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        outcomeId: other.id,
        text: "Sneak in",
        dueDate: dayOffset(api.clock.now, 7),
        owners: [{ memberId: s.members.parent.id }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "outcomeId", message: expect.any(String) }]);
    expect(await actionsOf(s.family.id)).toHaveLength(2);
    expect(await actionsOf(s.otherFamily.id)).toHaveLength(0);
  });

  it("refuses owners outside the team or the family with 422 naming each", async () => {
    const { s, outcome, actionsPath } = await actionWorld();
    const res = await call(api, "POST", actionsPath, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        outcomeId: outcome.id,
        text: "Home visit",
        dueDate: dayOffset(api.clock.now, 7),
        owners: [
          { memberId: s.members.parent.id },
          { userId: s.users.outsider.id },
          { memberId: s.otherParent.id },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual([
      "owners.1",
      "owners.2",
    ]);
    expect(await actionsOf(s.family.id)).toHaveLength(2);
  });

  it("refuses a practitioner who has left the team", async () => {
    const { s, outcome, actionsPath } = await actionWorld();
    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: new Date(), removedReason: "moved post" })
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    const res = await call(api, "POST", actionsPath, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        outcomeId: outcome.id,
        text: "Clinic appointment",
        dueDate: dayOffset(api.clock.now, 7),
        owners: [{ userId: s.users.teamMember.id }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("owners.0");
  });

  it("refuses a due date in the past, duplicate owners, and no owners", async () => {
    const { s, outcome, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const base = {
      outcomeId: outcome.id,
      text: "Call school",
      dueDate: dayOffset(api.clock.now, 7),
    };
    const parent = { memberId: s.members.parent.id };
    const past = await call(api, "POST", actionsPath, {
      cookie,
      body: { ...base, dueDate: dayOffset(api.clock.now, -1), owners: [parent] },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.details[0].path).toBe("dueDate");
    const twice = await call(api, "POST", actionsPath, {
      cookie,
      body: { ...base, owners: [parent, parent] },
    });
    expect(twice.status).toBe(422);
    expect(twice.json.error.details[0].path).toBe("owners.1");
    const none = await call(api, "POST", actionsPath, { cookie, body: { ...base, owners: [] } });
    expect(none.status).toBe(400);
    expect(await actionsOf(s.family.id)).toHaveLength(2);
  });
});

describe("POST /api/families/{familyId}/actions/{actionId}/progress", () => {
  it("lets the owning family member add progress, audited", async () => {
    const { s, parentAction, actionsPath } = await actionWorld();
    const res = await call(api, "POST", `${actionsPath}/${parentAction.id}/progress`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body: { note: "We walked every day" },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      note: "We walked every day",
      authorName: s.users.parentUser.displayName,
    });
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "action.add_progress"),
          eq(auditEvents.resourceId, parentAction.id),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  it("refuses a family member on someone else's action, and an over-long note", async () => {
    const { s, staffAction, parentAction, actionsPath } = await actionWorld();
    const cookie = await sessionCookieFor(api, s.users.parentUser.id);
    const notMine = await call(api, "POST", `${actionsPath}/${staffAction.id}/progress`, {
      cookie,
      body: { note: "Done it" },
    });
    expect(notMine.status).toBe(403);
    const long = await call(api, "POST", `${actionsPath}/${parentAction.id}/progress`, {
      cookie,
      body: { note: "x".repeat(2001) },
    });
    expect(long.status).toBe(400);
    const notes = await api.deps.db
      .select()
      .from(actionProgressNotes)
      .where(eq(actionProgressNotes.familyId, s.family.id));
    expect(notes).toHaveLength(0);
  });
});
