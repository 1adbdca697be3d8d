import {
  auditEvents,
  endMeeting,
  insertAttendance,
  insertDecision,
  meetingApologies,
  meetingRecordResponses,
  notices,
} from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const day = 86_400_000;
const meetingPath = (s: Scenario, meetingId: string) =>
  `/api/families/${s.family.id}/meetings/${meetingId}`;
const source = (user: Scenario["users"]["lead"]) => ({
  actor: { userId: user.id, role: user.role, agencyId: user.agencyId },
  ipAddress: null,
  userAgent: null,
});

async function schedule(s: Scenario, cookie: string, when = Date.now() + day) {
  const res = await call(api, "POST", `/api/families/${s.family.id}/meetings`, {
    cookie,
    body: {
      kind: "review",
      scheduledFor: new Date(when).toISOString(),
      agenda: [{ title: "How things are going" }],
      invitees: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
    },
  });
  expect(res.status).toBe(201);
  return res.json.data.id as string;
}

/**
 * A review held through the API and the realtime server's commands: the team
 * member sends apologies, the lead and the parent come (the parent twice), an
 * action and a decision are agreed while it is live.
 */
async function heldMeeting() {
  const s = await buildScenario(api.deps.db);
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const meetingId = await schedule(s, lead);
  const apology = await call(api, "POST", `${meetingPath(s, meetingId)}/apologies`, {
    cookie: lead,
    body: { person: { kind: "practitioner", userId: s.users.teamMember.id }, reason: "On leave" },
  });
  expect(apology.status).toBe(201);
  const due = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
  const outcome = await call(api, "POST", `/api/families/${s.family.id}/outcomes`, {
    cookie: lead,
    body: { area: "housing", title: "A safe home", measure: "No arrears", targetDate: due },
  });
  const before = await call(api, "POST", `/api/families/${s.family.id}/actions`, {
    cookie: lead,
    body: {
      outcomeId: outcome.json.data.id,
      text: "Agreed before",
      dueDate: due,
      owners: [{ userId: s.users.lead.id }],
    },
  });
  expect(before.status).toBe(201);
  const started = await call(api, "POST", `${meetingPath(s, meetingId)}/start`, {
    cookie: lead,
    body: { version: 1 },
  });
  expect(started.status).toBe(200);
  const ref = { familyId: s.family.id, meetingId };
  const now = Date.now();
  await insertAttendance(api.deps.db, source(s.users.lead), { ...ref, joinedAt: new Date(now) });
  const parentSource = source(s.users.parentUser);
  await insertAttendance(api.deps.db, parentSource, { ...ref, joinedAt: new Date(now + 1000) });
  await insertAttendance(api.deps.db, parentSource, { ...ref, joinedAt: new Date(now + 2000) });
  const agreed = await call(api, "POST", `/api/families/${s.family.id}/actions`, {
    cookie: lead,
    body: {
      outcomeId: outcome.json.data.id,
      text: "Call the landlord",
      dueDate: due,
      owners: [{ memberId: s.members.parent.id }, { userId: s.users.lead.id }],
    },
  });
  expect(agreed.status).toBe(201);
  await insertDecision(api.deps.db, source(s.users.lead), {
    ...ref,
    text: "Continue the plan",
    recordedAt: new Date(),
  });
  const l = s.users.lead;
  await endMeeting(api.deps.db, {
    ...ref,
    actor: { userId: l.id, role: l.role, agencyId: l.agencyId },
    now: new Date(),
  });
  const parent = await sessionCookieFor(api, s.users.parentUser.id);
  return { s, meetingId, lead, parent, agreedId: agreed.json.data.id as string, due };
}

const countOf = async (
  table: typeof meetingApologies | typeof meetingRecordResponses,
  meetingId: string,
) => {
  const [row] = await api.deps.db
    .select({ n: count() })
    .from(table)
    .where(eq(table.meetingId, meetingId));
  return row?.n ?? 0;
};

describe("the held meeting's record", () => {
  it("shows attendance per person, apologies, decisions with who recorded them, actions agreed and the times it ran", async () => {
    const { s, meetingId, lead, agreedId, due } = await heldMeeting();
    const res = await call(api, "GET", `${meetingPath(s, meetingId)}/record`, { cookie: lead });
    expect(res.status).toBe(200);
    const record = res.json.data;
    expect(record.meeting.startedAt).not.toBeNull();
    expect(record.meeting.endedAt).toEqual(expect.any(String));
    expect(record.version.unchanged).toBe(true);
    expect(record.version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      record.attendance.map((a: { name: string; chair: boolean; spans: unknown[] }) => [
        a.name,
        a.chair,
        a.spans.length,
      ]),
    ).toEqual([
      [s.users.lead.displayName, true, 1],
      [s.users.parentUser.displayName, false, 2],
    ]);
    expect(record.attendance[1].spans.every((span: { leftAt: string | null }) => span.leftAt)).toBe(
      true,
    );
    expect(record.apologies).toEqual([
      expect.objectContaining({
        kind: "practitioner",
        name: s.users.teamMember.displayName,
        reason: "On leave",
        recordedByName: s.users.lead.displayName,
      }),
    ]);
    expect(record.decisions).toEqual([
      expect.objectContaining({
        text: "Continue the plan",
        recordedByName: s.users.lead.displayName,
      }),
    ]);
    expect(record.actionsAgreed).toEqual([
      {
        id: agreedId,
        text: "Call the landlord",
        dueDate: due,
        status: "open",
        owners: expect.any(Array),
      },
    ]);
    expect(record.actionsAgreed[0].owners).toHaveLength(2);
    expect(record.nextMeeting).toBeNull();
    expect(record.responses.mine).toEqual({ mayRespond: true, confirmed: false, refusal: null });

    const next = await schedule(s, lead, Date.now() + 60 * day);
    const again = await call(api, "GET", `${meetingPath(s, meetingId)}/record`, { cookie: lead });
    expect(again.json.data.nextMeeting).toEqual(
      expect.objectContaining({ id: next, state: "scheduled" }),
    );
    const [audit] = await api.deps.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "meeting_record.read"), eq(auditEvents.resourceId, meetingId)),
      );
    expect(audit?.n).toBe(2);
  });

  it("asks each attendee to confirm, in the app and by email, when the meeting ends", async () => {
    const { s, meetingId } = await heldMeeting();
    const rows = await api.deps.db
      .select({
        userId: notices.recipientUserId,
        channel: notices.channel,
        variables: notices.variables,
      })
      .from(notices)
      .where(and(eq(notices.familyId, s.family.id), eq(notices.kind, "meeting_record_review")));
    const told = rows.map(
      (r) =>
        `${r.userId === s.users.lead.id ? "lead" : r.userId === s.users.parentUser.id ? "parent" : "other"}:${r.channel}`,
    );
    expect(told.sort()).toEqual(["lead:email", "lead:in_app", "parent:email", "parent:in_app"]);
    const parentRow = rows.find((r) => r.userId === s.users.parentUser.id);
    expect(parentRow?.variables).toEqual(
      expect.objectContaining({ audience: "family", meetingId }),
    );
  });

  it("gives family members the record without apology reasons or practitioners' comments", async () => {
    const { s, meetingId, lead, parent } = await heldMeeting();
    const comment = await call(api, "POST", `${meetingPath(s, meetingId)}/record/responses`, {
      cookie: lead,
      body: { kind: "commented", comment: "For the team: check the rent figures" },
    });
    expect(comment.status).toBe(201);
    const res = await call(api, "GET", `${meetingPath(s, meetingId)}/record`, { cookie: parent });
    expect(res.status).toBe(200);
    expect(res.json.data.apologies[0].reason).toBeNull();
    expect(JSON.stringify(res.json.data)).not.toContain("rent figures");
    expect(res.json.data.responses.entries).toEqual([]);
  });

  it("has no record before the meeting ends, and 404 for another family's meeting", async () => {
    const { s, meetingId } = await heldMeeting();
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const booked = await schedule(s, lead);
    const early = await call(api, "GET", `${meetingPath(s, booked)}/record`, { cookie: lead });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("conflict");
    const other = await buildScenario(api.deps.db);
    const otherLead = await sessionCookieFor(api, other.users.lead.id);
    for (const [method, path, body] of [
      ["GET", `${meetingPath(s, meetingId)}/record`, undefined],
      ["POST", `${meetingPath(s, meetingId)}/record/responses`, { kind: "confirmed" }],
      [
        "POST",
        `${meetingPath(s, booked)}/apologies`,
        { person: { kind: "family_member", memberId: s.members.parent.id }, reason: "Ill" },
      ],
      // Their own family's path with this family's meeting id.
      ["GET", `/api/families/${other.family.id}/meetings/${meetingId}/record`, undefined],
      [
        "POST",
        `/api/families/${other.family.id}/meetings/${booked}/apologies`,
        { person: { kind: "family_member", memberId: s.members.parent.id }, reason: "Ill" },
      ],
    ] as const) {
      const res = await call(api, method, path, { cookie: otherLead, body });
      expect(res.status, path).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect(await countOf(meetingApologies, booked)).toBe(0);
    expect(await countOf(meetingRecordResponses, meetingId)).toBe(0);
  });
});

describe("apologies", () => {
  it("are the chair's to record, for invitees, once each, before the meeting ends", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const meetingId = await schedule(s, lead);
    const path = `${meetingPath(s, meetingId)}/apologies`;
    const parent = { kind: "family_member", memberId: s.members.parent.id };
    const ok = await call(api, "POST", path, {
      cookie: lead,
      body: { person: parent, reason: "At work" },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.data).toEqual(
      expect.objectContaining({ kind: "family_member", reason: "At work" }),
    );
    const again = await call(api, "POST", path, {
      cookie: lead,
      body: { person: parent, reason: "At work" },
    });
    expect(again.status).toBe(409);
    const notInvited = await call(api, "POST", path, {
      cookie: lead,
      body: { person: { kind: "practitioner", userId: s.users.outsider.id }, reason: "Busy" },
    });
    expect(notInvited.status).toBe(422);
    expect(notInvited.json.error.details).toEqual([expect.objectContaining({ path: "person" })]);
    const member = await sessionCookieFor(api, s.users.teamMember.id);
    const refused = await call(api, "POST", path, {
      cookie: member,
      body: { person: { kind: "practitioner", userId: s.users.teamMember.id }, reason: "Busy" },
    });
    expect(refused.status).toBe(403);
    const detail = await call(api, "GET", meetingPath(s, meetingId), { cookie: lead });
    expect(detail.json.data.apologies).toHaveLength(1);
    const [audit] = await api.deps.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "meeting.apology.record"), eq(auditEvents.resourceId, meetingId)),
      );
    expect(audit?.n).toBe(1);
  });

  it.each([
    ["no body fields", {}],
    [
      "an unknown field",
      { person: { kind: "practitioner", userId: crypto.randomUUID() }, reason: "x", extra: 1 },
    ],
    [
      "an empty reason",
      { person: { kind: "practitioner", userId: crypto.randomUUID() }, reason: "" },
    ],
    [
      "a reason too long",
      { person: { kind: "practitioner", userId: crypto.randomUUID() }, reason: "x".repeat(501) },
    ],
    [
      "control characters",
      { person: { kind: "practitioner", userId: crypto.randomUUID() }, reason: "a\u0000b" },
    ],
    [
      "an unknown kind of person",
      { person: { kind: "guest", userId: crypto.randomUUID() }, reason: "x" },
    ],
    [
      "a person id that is not a UUID",
      { person: { kind: "family_member", memberId: "1" }, reason: "x" },
    ],
  ])("answer 400 to %s and change nothing", async (_name, body) => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const meetingId = await schedule(s, lead);
    const res = await call(api, "POST", `${meetingPath(s, meetingId)}/apologies`, {
      cookie: lead,
      body,
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual(
      expect.objectContaining({ code: "validation_failed", message: expect.any(String) }),
    );
    expect(await countOf(meetingApologies, meetingId)).toBe(0);
  });

  it("are refused once the meeting has ended", async () => {
    const { s, meetingId, lead } = await heldMeeting();
    const res = await call(api, "POST", `${meetingPath(s, meetingId)}/apologies`, {
      cookie: lead,
      body: { person: { kind: "family_member", memberId: s.members.parent.id }, reason: "Late" },
    });
    expect(res.status).toBe(409);
    expect(await countOf(meetingApologies, meetingId)).toBe(1);
  });
});

describe("confirming or commenting on the record", () => {
  it("appends attendees' confirmations (once each) and comments, audited", async () => {
    const { s, meetingId, parent } = await heldMeeting();
    const path = `${meetingPath(s, meetingId)}/record/responses`;
    const confirmed = await call(api, "POST", path, {
      cookie: parent,
      body: { kind: "confirmed" },
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.data.responses.mine).toEqual(
      expect.objectContaining({ confirmed: true, mayRespond: true }),
    );
    const twice = await call(api, "POST", path, { cookie: parent, body: { kind: "confirmed" } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toBe("You have already confirmed this record.");
    const commented = await call(api, "POST", path, {
      cookie: parent,
      body: { kind: "commented", comment: "My son's name is spelt wrong" },
    });
    expect(commented.status).toBe(201);
    expect(commented.json.data.responses.entries).toHaveLength(2);
    expect(commented.json.data.responses.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "confirmed",
          name: s.users.parentUser.displayName,
          fromFamily: true,
          comment: null,
        }),
        expect.objectContaining({ kind: "commented", comment: "My son's name is spelt wrong" }),
      ]),
    );
    const audits = await api.deps.db
      .select({ event: auditEvents.event })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.resourceId, meetingId), eq(auditEvents.actorId, s.users.parentUser.id)),
      );
    expect(audits.map((a) => a.event)).toEqual(
      expect.arrayContaining(["meeting_record.confirm", "meeting_record.comment"]),
    );
  });

  it("is only for the people who were there", async () => {
    const { s, meetingId } = await heldMeeting();
    const member = await sessionCookieFor(api, s.users.teamMember.id);
    const res = await call(api, "POST", `${meetingPath(s, meetingId)}/record/responses`, {
      cookie: member,
      body: { kind: "confirmed" },
    });
    expect(res.status).toBe(403);
    const record = await call(api, "GET", `${meetingPath(s, meetingId)}/record`, {
      cookie: member,
    });
    expect(record.json.data.responses.mine.mayRespond).toBe(false);
    expect(await countOf(meetingRecordResponses, meetingId)).toBe(0);
  });

  it("closes a week after the meeting ended", async () => {
    const { s, meetingId } = await heldMeeting();
    const saved = api.clock.now;
    try {
      api.clock.now = new Date(Date.now() + 7 * day + 60_000);
      const parent = await sessionCookieFor(api, s.users.parentUser.id);
      const res = await call(api, "POST", `${meetingPath(s, meetingId)}/record/responses`, {
        cookie: parent,
        body: { kind: "commented", comment: "Too late" },
      });
      expect(res.status).toBe(409);
      expect(res.json.error.message).toBe(
        "The time to confirm or comment on this record has passed.",
      );
      const record = await call(api, "GET", `${meetingPath(s, meetingId)}/record`, {
        cookie: parent,
      });
      expect(record.json.data.responses.open).toBe(false);
      expect(record.json.data.responses.mine.mayRespond).toBe(false);
    } finally {
      api.clock.now = saved;
    }
    expect(await countOf(meetingRecordResponses, meetingId)).toBe(0);
  });

  it.each([
    ["no kind", {}],
    ["an unknown kind", { kind: "approved" }],
    ["a comment without words", { kind: "commented", comment: "" }],
    ["a comment too long", { kind: "commented", comment: "x".repeat(2001) }],
    ["a comment on a confirmation", { kind: "confirmed", comment: "fine" }],
    ["control characters", { kind: "commented", comment: "a\u0007b" }],
  ])("answers 400 to %s and changes nothing", async (_name, body) => {
    const { s, meetingId, parent } = await heldMeeting();
    const res = await call(api, "POST", `${meetingPath(s, meetingId)}/record/responses`, {
      cookie: parent,
      body,
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual(
      expect.objectContaining({ code: "validation_failed", message: expect.any(String) }),
    );
    expect(await countOf(meetingRecordResponses, meetingId)).toBe(0);
  });
});
