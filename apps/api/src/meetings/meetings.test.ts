import {
  auditEvents,
  families,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
} from "@teamaround/db";
import {
  buildHeldMeeting,
  buildMeeting,
  buildScenario,
  dateCurrentEpisode,
  type Scenario,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterEach(() => {
  api.clock.now = new Date();
});
afterAll(() => api.close());

const day = 86_400_000;
const inDays = (days: number) => new Date(api.clock.now.getTime() + days * day).toISOString();
const meetingsPath = (s: Scenario) => `/api/families/${s.family.id}/meetings`;
const asLead = (s: Scenario) => sessionCookieFor(api, s.users.lead.id);

function scheduleBody(s: Scenario, overrides: Record<string, unknown> = {}) {
  return {
    kind: "initial",
    scheduledFor: inDays(7),
    location: "Riverside Family Hub",
    agenda: [{ title: "What is working well" }, { title: "Worries" }],
    invitees: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
    ...overrides,
  };
}

async function auditCount(s: Scenario, event: string) {
  const rows = await api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, event)));
  return rows.length;
}

describe("POST /api/families/{familyId}/meetings", () => {
  it("schedules a meeting chaired by the lead, with invitees named and the schedule checked", async () => {
    const s = await buildScenario(api.deps.db);
    const res = await call(api, "POST", meetingsPath(s), {
      cookie: await asLead(s),
      body: scheduleBody(s),
    });
    expect(res.status).toBe(201);
    const meeting = res.json.data;
    expect(meeting).toMatchObject({
      kind: "initial",
      state: "scheduled",
      version: 1,
      location: "Riverside Family Hub",
      chair: { userId: s.users.lead.id, name: s.users.lead.displayName },
      timeliness: { status: "on_time" },
      planVersionId: null,
    });
    expect(meeting.agenda.map((a: { title: string }) => a.title)).toEqual([
      "What is working well",
      "Worries",
    ]);
    expect(meeting.invitees).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "practitioner", userId: s.users.lead.id }),
        {
          kind: "practitioner",
          userId: s.users.teamMember.id,
          name: s.users.teamMember.displayName,
          agencyName: s.agencies.health.name,
        },
        { kind: "family_member", memberId: s.members.parent.id, name: expect.any(String) },
      ]),
    );
    expect(meeting.invitees).toHaveLength(3);
    expect(res.json.abilities.meeting.start).toBe(true);
    expect(await auditCount(s, "meeting.schedule")).toBe(1);
  });

  it("warns, without refusing, when the first TAC is later than the authority's 15 working days after the assessment", async () => {
    const s = await buildScenario(api.deps.db);
    await dateCurrentEpisode(api.deps.db, s.family.id, {
      openedAt: s.family.createdAt,
      planInPlaceAt: api.clock.now,
    });
    const res = await call(api, "POST", meetingsPath(s), {
      cookie: await asLead(s),
      body: scheduleBody(s, { scheduledFor: inDays(30) }),
    });
    expect(res.status).toBe(201);
    expect(res.json.data.timeliness).toMatchObject({ status: "late" });
    expect(res.json.data.timeliness.message).toMatch(
      /first TAC meeting is later than the authority's target/,
    );
  });

  it("refuses a time in the past, naming the field", async () => {
    const s = await buildScenario(api.deps.db);
    const res = await call(api, "POST", meetingsPath(s), {
      cookie: await asLead(s),
      body: scheduleBody(s, { scheduledFor: inDays(-1) }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([
      { path: "scheduledFor", message: "must be in the future" },
    ]);
    expect(await auditCount(s, "meeting.schedule")).toBe(0);
  });

  it("refuses invitees who are not in this family's team or family, naming each", async () => {
    const s = await buildScenario(api.deps.db);
    const res = await call(api, "POST", meetingsPath(s), {
      cookie: await asLead(s),
      body: scheduleBody(s, {
        invitees: [
          { userId: s.users.teamMember.id },
          { userId: s.users.outsider.id },
          { memberId: s.otherParent.id },
          { userId: s.users.teamMember.id },
        ],
      }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([
      { path: "invitees.1", message: "is not a practitioner in this family's team" },
      { path: "invitees.2", message: "is not a member of this family" },
      { path: "invitees.3", message: "is listed more than once" },
    ]);
  });

  it.each([
    ["no agenda", { agenda: [] }],
    ["21 agenda items", { agenda: Array.from({ length: 21 }, (_, i) => ({ title: `Item ${i}` })) }],
    ["an unknown kind", { kind: "weekly" }],
    ["an unknown field", { chairUserId: "00000000-0000-4000-8000-000000000000" }],
    ["a date without a time", { scheduledFor: "2030-01-01" }],
  ])("answers 400 to %s", async (_what, overrides) => {
    const s = await buildScenario(api.deps.db);
    const res = await call(api, "POST", meetingsPath(s), {
      cookie: await asLead(s),
      body: scheduleBody(s, overrides),
    });
    expect(res.status).toBe(400);
  });
});

describe("GET /api/families/{familyId}/meetings", () => {
  it("lists meetings and says the first TAC is due within 15 working days of the assessment's completion", async () => {
    const s = await buildScenario(api.deps.db);
    // Completed on Monday 2 March 2026: 15 working days later is Monday 23 March.
    const completed = new Date("2026-03-02T09:00:00Z");
    await dateCurrentEpisode(api.deps.db, s.family.id, {
      openedAt: new Date("2026-02-02T09:00:00Z"),
      planInPlaceAt: completed,
    });
    api.clock.now = new Date("2026-03-20T12:00:00Z");
    await buildMeeting(api.deps.db, { familyId: s.family.id, chairUserId: s.users.lead.id });
    const res = await call(api, "GET", meetingsPath(s), {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    expect(res.json.nextReviewDue).toEqual({
      kind: "initial",
      from: completed.toISOString(),
      by: "2026-03-23T23:59:59.999Z",
      overdue: false,
      scheduled: true,
    });
    expect(await auditCount(s, "meeting.list")).toBe(1);
  });

  it("puts the next review 6–12 weeks (the authority's setting) after the last meeting, and flags drift", async () => {
    const s = await buildScenario(api.deps.db);
    const { meeting } = await buildHeldMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const ended = meeting.endedAt?.getTime() ?? 0;
    api.clock.now = new Date(ended + 13 * 7 * day);
    const res = await call(api, "GET", meetingsPath(s), { cookie: await asLead(s) });
    expect(res.json.nextReviewDue).toEqual({
      kind: "review",
      from: new Date(ended + 6 * 7 * day).toISOString(),
      by: new Date(ended + 12 * 7 * day).toISOString(),
      overdue: true,
      scheduled: false,
    });
    expect(res.json.data[0].planVersionId).toEqual(expect.any(String));
  });

  it("has nothing due on a closed case", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(families)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(families.id, s.family.id));
    const res = await call(api, "GET", meetingsPath(s), { cookie: await asLead(s) });
    expect(res.status).toBe(200);
    expect(res.json.nextReviewDue).toBeNull();
  });
});

describe("GET /api/families/{familyId}/meetings/{meetingId}", () => {
  it("returns invitees, attendance, chat and decisions, and audits the read", async () => {
    const s = await buildScenario(api.deps.db);
    const db = api.deps.db;
    const meeting = await buildMeeting(db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
      invitedMemberIds: [s.members.parent.id],
    });
    const ids = { meetingId: meeting.id, familyId: s.family.id };
    await db
      .insert(meetingAttendance)
      .values({ ...ids, userId: s.users.lead.id, joinedAt: new Date() });
    await db.insert(meetingChatMessages).values({
      ...ids,
      authorUserId: s.users.lead.id,
      body: "Welcome, everyone",
      sentAt: new Date(),
    });
    await db.insert(meetingDecisions).values({
      ...ids,
      text: "Referral to the school nurse",
      recordedBy: s.users.lead.id,
      recordedAt: new Date(),
    });
    const res = await call(api, "GET", `${meetingsPath(s)}/${meeting.id}`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.attendance).toEqual([
      expect.objectContaining({ userId: s.users.lead.id, leftAt: null }),
    ]);
    expect(res.json.data.chat).toEqual([
      expect.objectContaining({ body: "Welcome, everyone", authorName: s.users.lead.displayName }),
    ]);
    expect(res.json.data.decisions).toEqual([
      expect.objectContaining({ text: "Referral to the school nurse" }),
    ]);
    expect(res.json.abilities.meeting.join).toBe(true);
    expect(res.json.abilities.meeting.end).toBe(false);
    expect(await auditCount(s, "meeting.read")).toBe(1);
  });

  it("answers 404 for another family's meeting id", async () => {
    const s = await buildScenario(api.deps.db);
    const theirs = await buildMeeting(api.deps.db, {
      familyId: s.otherFamily.id,
      chairUserId: s.users.otherLead.id,
    });
    const res = await call(api, "GET", `${meetingsPath(s)}/${theirs.id}`, {
      cookie: await asLead(s),
    });
    expect(res.status).toBe(404);
  });
});
