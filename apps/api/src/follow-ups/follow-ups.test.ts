import { auditEvents, families, sustainabilityChecks, teamMemberships } from "@teamaround/db";
import { buildScenario, buildUser } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFollowUp } from "../feedback/feedback-fixtures";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const day = (offset: number) => isoDay(new Date(api.clock.now.getTime() + offset * 86_400_000));

/** A closed family whose lead at closure is the scenario's lead, with both checks made. */
async function world() {
  const s = await buildScenario(api.deps.db);
  await api.deps.db
    .update(families)
    .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
    .where(eq(families.id, s.family.id));
  const due = await buildFollowUp(api.deps.db, {
    familyId: s.family.id,
    leadUserId: s.users.lead.id,
    dueOn: day(-2),
    monthsAfter: "3",
  });
  const later = await buildFollowUp(api.deps.db, {
    familyId: s.family.id,
    leadUserId: s.users.lead.id,
    dueOn: day(60),
    monthsAfter: "6",
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const url = (checkId: string) => `/api/families/${s.family.id}/follow-ups/${checkId}`;
  return { s, due, later, lead, url };
}

const checkRow = async (id: string) =>
  (await api.deps.db.select().from(sustainabilityChecks).where(eq(sustainabilityChecks.id, id)))[0];

describe("GET /api/follow-ups", () => {
  it("lists the lead's follow-ups due by today and not yet answered, with the family", async () => {
    const { s, due, lead } = await world();
    const res = await call(api, "GET", "/api/follow-ups", { cookie: lead });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      expect.objectContaining({
        id: due.id,
        familyId: s.family.id,
        familyDisplayName: s.family.displayName,
        monthsAfter: 3,
        dueOn: due.dueOn,
      }),
    ]);
    const [audit] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "follow_up.list_due")),
      );
    expect(audit?.details).toEqual({ checkIds: [due.id] });
  });

  it("also reminds the family's lead now, and forgets an answered one", async () => {
    const { s, due, lead, url } = await world();
    const newLead = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: s.agencies.school.id,
    });
    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(eq(teamMemberships.familyId, s.family.id), eq(teamMemberships.userId, s.users.lead.id)),
      );
    await api.deps.db.insert(teamMemberships).values({
      familyId: s.family.id,
      userId: newLead.id,
      role: "lead_professional",
      addedBy: s.users.lead.id,
    });
    const cookie = await sessionCookieFor(api, newLead.id);
    const before = await call(api, "GET", "/api/follow-ups", { cookie });
    expect(before.json.data.map((f: { id: string }) => f.id)).toEqual([due.id]);
    await call(api, "POST", url(due.id), { cookie: lead, body: { result: "sustained" } });
    expect((await call(api, "GET", "/api/follow-ups", { cookie })).json.data).toEqual([]);
  });

  it("shows nothing to a team member, and refuses family members (403)", async () => {
    const { s } = await world();
    const teamMember = await sessionCookieFor(api, s.users.teamMember.id);
    expect((await call(api, "GET", "/api/follow-ups", { cookie: teamMember })).json.data).toEqual(
      [],
    );
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    expect((await call(api, "GET", "/api/follow-ups", { cookie: parent })).status).toBe(403);
  });
});

describe("POST /api/families/{familyId}/follow-ups/{checkId}", () => {
  it("records the result once, on a closed case; a second time is 409 and changes nothing", async () => {
    const { s, due, lead, url } = await world();
    const res = await call(api, "POST", url(due.id), {
      cookie: lead,
      body: { result: "not_sustained", note: "School attendance has slipped again." },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      id: due.id,
      result: "not_sustained",
      monthsAfter: 3,
      note: "School attendance has slipped again.",
    });
    const again = await call(api, "POST", url(due.id), {
      cookie: lead,
      body: { result: "sustained" },
    });
    expect(again.status).toBe(409);
    expect(await checkRow(due.id)).toMatchObject({
      result: "not_sustained",
      recordedBy: s.users.lead.id,
    });
  });

  it("lets the lead at closure record it after leaving the team", async () => {
    const { s, due, lead, url } = await world();
    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(eq(teamMemberships.familyId, s.family.id), eq(teamMemberships.userId, s.users.lead.id)),
      );
    const res = await call(api, "POST", url(due.id), {
      cookie: lead,
      body: { result: "not_known" },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ["a result outside the list", { result: "maybe" }, "result"],
    ["no result", {}, "result"],
    ["a note too long", { result: "sustained", note: "x".repeat(2001) }, "note"],
    ["a control character in the note", { result: "sustained", note: "a\u0007b" }, "note"],
    ["an unknown field", { result: "sustained", recordedBy: "me" }, ""],
  ])("refuses %s with 400 and changes nothing", async (_what, body, field) => {
    const { due, lead, url } = await world();
    const res = await call(api, "POST", url(due.id), { cookie: lead, body });
    expect(res.status).toBe(400);
    if (field) {
      expect(res.json.error.details).toContainEqual({ path: field, message: expect.any(String) });
    }
    expect((await checkRow(due.id))?.result).toBeNull();
  });

  it("refuses a team member (403) and an outsider (404), changing nothing", async () => {
    const { s, due, url } = await world();
    const teamMember = await sessionCookieFor(api, s.users.teamMember.id);
    expect(
      (await call(api, "POST", url(due.id), { cookie: teamMember, body: { result: "sustained" } }))
        .status,
    ).toBe(403);
    const outsider = await sessionCookieFor(api, s.users.outsider.id);
    expect(
      (await call(api, "POST", url(due.id), { cookie: outsider, body: { result: "sustained" } }))
        .status,
    ).toBe(404);
    expect((await checkRow(due.id))?.result).toBeNull();
  });

  it("answers 404 for another family's follow-up, and leaves it alone", async () => {
    const { s, lead } = await world();
    const theirs = await buildFollowUp(api.deps.db, {
      familyId: s.otherFamily.id,
      leadUserId: s.users.otherLead.id,
      dueOn: day(-1),
    });
    const res = await call(api, "POST", `/api/families/${s.family.id}/follow-ups/${theirs.id}`, {
      cookie: lead,
      body: { result: "sustained" },
    });
    expect(res.status).toBe(404);
    expect((await checkRow(theirs.id))?.result).toBeNull();
  });
});
