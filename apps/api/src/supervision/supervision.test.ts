import { auditEvents, families, supervisionNotes, teamMemberships } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const day = (offset: number) => isoDay(new Date(api.clock.now.getTime() + offset * 86_400_000));

async function world() {
  const s = await buildScenario(api.deps.db);
  const url = `/api/families/${s.family.id}/supervision`;
  const cookies = {
    manager: await sessionCookieFor(api, s.users.manager.id),
    lead: await sessionCookieFor(api, s.users.lead.id),
    teamMember: await sessionCookieFor(api, s.users.teamMember.id),
    parent: await sessionCookieFor(api, s.users.parentUser.id),
    outsider: await sessionCookieFor(api, s.users.outsider.id),
  };
  const body = {
    heldOn: day(0),
    discussion: "Robin's attendance has not improved; the housing repair is late.",
    decisions: "Escalate the repair to the landlord's manager.",
    nextOn: day(28),
  };
  return { s, url, cookies, body };
}

const notesOf = (familyId: string) =>
  api.deps.db.select().from(supervisionNotes).where(eq(supervisionNotes.familyId, familyId));

describe("POST /api/families/{familyId}/supervision", () => {
  it("records the manager's note of supervision with the lead; the lead reads it", async () => {
    const { s, url, cookies, body } = await world();
    const res = await call(api, "POST", url, { cookie: cookies.manager, body });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      ...body,
      manager: { userId: s.users.manager.id },
      lead: { userId: s.users.lead.id },
    });
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "supervision.record")),
      );
    expect(event?.resourceId).toBe(res.json.data.id);
    const list = await call(api, "GET", url, { cookie: cookies.lead });
    expect(list.status).toBe(200);
    expect(list.json.data.map((n: { id: string }) => n.id)).toEqual([res.json.data.id]);
  });

  it("refuses the lead, the team, the family (403) and outsiders (404)", async () => {
    const { s, url, cookies, body } = await world();
    for (const cookie of [cookies.lead, cookies.teamMember, cookies.parent]) {
      expect((await call(api, "POST", url, { cookie, body })).status).toBe(403);
    }
    expect((await call(api, "POST", url, { cookie: cookies.outsider, body })).status).toBe(404);
    expect(await notesOf(s.family.id)).toEqual([]);
  });

  it("records nothing on a closed case", async () => {
    const { s, url, cookies, body } = await world();
    await api.deps.db
      .update(families)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(families.id, s.family.id));
    expect((await call(api, "POST", url, { cookie: cookies.manager, body })).status).toBe(403);
    expect((await call(api, "GET", url, { cookie: cookies.lead })).status).toBe(200);
  });

  it("answers 422 when the family has no lead to supervise", async () => {
    const { s, url, cookies, body } = await world();
    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(eq(teamMemberships.familyId, s.family.id), eq(teamMemberships.userId, s.users.lead.id)),
      );
    expect((await call(api, "POST", url, { cookie: cookies.manager, body })).status).toBe(422);
    expect(await notesOf(s.family.id)).toEqual([]);
  });

  it.each([
    ["no discussion", { discussion: undefined }, 400],
    ["empty decisions", { decisions: "" }, 400],
    ["a malformed date", { heldOn: "10/01/2026" }, 400],
    ["a control character", { discussion: "a\u0007b" }, 400],
    ["an unknown field", { managerId: "me" }, 400],
    ["a date to come", { heldOn: "FUTURE" }, 400],
    ["a next date before this one", { nextOn: "PAST" }, 422],
  ])("refuses %s and records nothing", async (_what, change, status) => {
    const { s, url, cookies, body } = await world();
    const patched: Record<string, unknown> = { ...body, ...change };
    if (patched.heldOn === "FUTURE") patched.heldOn = day(3);
    if (patched.nextOn === "PAST") patched.nextOn = day(-3);
    const res = await call(api, "POST", url, { cookie: cookies.manager, body: patched });
    expect(res.status).toBe(status);
    expect(await notesOf(s.family.id)).toEqual([]);
  });
});

describe("GET /api/families/{familyId}/supervision", () => {
  it("is closed to the team, the family (403) and outsiders (404)", async () => {
    const { url, cookies } = await world();
    for (const cookie of [cookies.teamMember, cookies.parent]) {
      expect((await call(api, "GET", url, { cookie })).status).toBe(403);
    }
    expect((await call(api, "GET", url, { cookie: cookies.outsider })).status).toBe(404);
  });
});
