import { redeemGuestCode } from "@teamaround/auth";
import { auditEvents, meetingGuests, meetings, notices, users } from "@teamaround/db";
import { buildMeeting, buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const gp = {
  name: "Dr Asha Patel",
  organisation: "Riverside Surgery",
  email: "Asha.Patel@surgery.example.nhs.uk",
  role: "GP",
};

async function world(state: "scheduled" | "live" = "live") {
  const s = await buildScenario(api.deps.db);
  const meeting = await buildMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state,
    scheduledFor: api.clock.now,
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const guestsPath = `/api/families/${s.family.id}/meetings/${meeting.id}/guests`;
  return { s, meeting, lead, guestsPath };
}

/** Invites the GP and reads the link and code from the outbox, as the email carries them. */
async function invite(w: Awaited<ReturnType<typeof world>>, body: object = gp) {
  const invited = await call(api, "POST", w.guestsPath, { cookie: w.lead, body });
  expect(invited.status, JSON.stringify(invited.json)).toBe(201);
  const [notice] = await api.deps.db
    .select()
    .from(notices)
    .where(and(eq(notices.kind, "guest_invitation"), eq(notices.familyId, w.s.family.id)));
  if (!notice) throw new Error("no guest invitation in the outbox");
  const variables = notice.variables as { token: string; code: string };
  return { guest: invited.json.data, notice, token: variables.token, code: variables.code };
}

function signIn(token: string, code: string) {
  return call(api, "POST", "/api/guest/sign-in", { body: { token, code } });
}

function cookieFrom(response: { headers: Headers }): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

describe("inviting a guest partner", () => {
  it("makes the invitation, writes the email to the outbox in the same change, and audits it", async () => {
    const w = await world("scheduled");
    const { guest, notice, code } = await invite(w, { ...gp, mayWrite: true });
    expect(guest).toMatchObject({
      name: "Dr Asha Patel",
      organisation: "Riverside Surgery",
      email: "asha.patel@surgery.example.nhs.uk",
      role: "GP",
      mayWrite: true,
      status: "invited",
    });
    expect(notice.recipientAddress).toBe("asha.patel@surgery.example.nhs.uk");
    const [row] = await api.deps.db
      .select()
      .from(meetingGuests)
      .where(eq(meetingGuests.id, guest.id));
    expect(row?.codeHash).not.toContain(code);
    const [account] = await api.deps.db
      .select()
      .from(users)
      .where(eq(users.id, row?.userId ?? ""));
    expect(account).toMatchObject({
      role: "guest",
      passwordHash: null,
      displayName: "Dr Asha Patel",
    });
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "meeting.guest.invite"), eq(auditEvents.resourceId, guest.id)),
      );
    expect(audit).toHaveLength(1);

    const listed = await call(api, "GET", w.guestsPath, { cookie: w.lead });
    expect(listed.status).toBe(200);
    expect(listed.json.data).toEqual([
      expect.objectContaining({ id: guest.id, status: "invited" }),
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(code);
  });

  it.each([
    ["no name", { ...gp, name: "" }],
    ["a name with a control character", { ...gp, name: "Dr\u0007Patel" }],
    ["no organisation", { ...gp, organisation: undefined }],
    ["a bad email", { ...gp, email: "not-an-email" }],
    ["a too-long role", { ...gp, role: "x".repeat(81) }],
    ["mayWrite not a boolean", { ...gp, mayWrite: "yes" }],
    ["an unknown field", { ...gp, admin: true }],
  ])("refuses %s with a JSON 400 and changes nothing", async (_label, body) => {
    const w = await world();
    const response = await call(api, "POST", w.guestsPath, { cookie: w.lead, body });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBeTypeOf("string");
    const rows = await api.deps.db
      .select()
      .from(meetingGuests)
      .where(eq(meetingGuests.meetingId, w.meeting.id));
    expect(rows).toHaveLength(0);
  });

  it("refuses an ended meeting (409) and another family's meeting (404)", async () => {
    const w = await world();
    await api.deps.db.update(meetings).set({ state: "ended" }).where(eq(meetings.id, w.meeting.id));
    expect((await call(api, "POST", w.guestsPath, { cookie: w.lead, body: gp })).status).toBe(409);
    const other = await world();
    const elsewhere = `/api/families/${other.s.family.id}/meetings/${other.meeting.id}/guests`;
    expect((await call(api, "POST", elsewhere, { cookie: w.lead, body: gp })).status).toBe(404);
    expect((await call(api, "GET", elsewhere, { cookie: w.lead })).status).toBe(404);
  });
});

describe("a guest signing in with the code", () => {
  it("gets a session for that meeting only: the room's meeting reads, everything else 404", async () => {
    const w = await world();
    const { token, code, guest } = await invite(w);
    const signedIn = await signIn(token, code);
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    expect(signedIn.json.data).toMatchObject({ familyId: w.s.family.id, meetingId: w.meeting.id });
    const cookie = cookieFrom(signedIn);

    const meetingPath = `/api/families/${w.s.family.id}/meetings/${w.meeting.id}`;
    expect((await call(api, "GET", meetingPath, { cookie })).status).toBe(200);
    expect((await call(api, "GET", "/api/guest/meeting", { cookie })).json.data.meetingId).toBe(
      w.meeting.id,
    );
    const family = `/api/families/${w.s.family.id}`;
    for (const path of [family, `${family}/meetings`, `${family}/outcomes`, `${family}/members`]) {
      expect((await call(api, "GET", path, { cookie })).status, path).toBe(404);
    }
    expect((await call(api, "GET", "/api/families", { cookie })).status).toBe(403);

    // The meeting read is audited with the guest's name and organisation.
    const [read] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "meeting.read"), eq(auditEvents.resourceId, w.meeting.id)));
    expect(read?.details).toMatchObject({
      guest: { name: "Dr Asha Patel", organisation: "Riverside Surgery" },
    });

    // The code works once.
    expect((await signIn(token, code)).status).toBe(401);
    const listed = await call(api, "GET", w.guestsPath, { cookie: w.lead });
    expect(listed.json.data).toEqual([expect.objectContaining({ id: guest.id, status: "joined" })]);
  });

  it("counts wrong codes and spends the invitation at five, answering 401 without saying why", async () => {
    const w = await world();
    const { token, code, guest } = await invite(w);
    const wrong = code === "00000000" ? "11111111" : "00000000";
    for (let i = 0; i < 5; i += 1) expect((await signIn(token, wrong)).status).toBe(401);
    const [row] = await api.deps.db
      .select()
      .from(meetingGuests)
      .where(eq(meetingGuests.id, guest.id));
    expect(row?.failedCodeAttempts).toBe(5);
    // The throttle now stops this address; past it, the right code no longer works either.
    expect([401, 429]).toContain((await signIn(token, code)).status);
    const redeemed = await api.deps.db.transaction((tx) =>
      redeemGuestCode(tx, { token, code, context: { ipAddress: null, userAgent: null } }),
    );
    expect(redeemed).toMatchObject({ ok: false, reason: "invalid_or_expired" });
  });

  it("throttles repeated failures like sign-in (429 with Retry-After)", async () => {
    const w = await world();
    const { token } = await invite(w);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await signIn(token, "12345670")).status);
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    const last = await signIn(token, "12345670");
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuses an expired invitation, a revoked one, and a meeting that has ended", async () => {
    const expired = await world();
    const a = await invite(expired);
    await api.deps.db
      .update(meetingGuests)
      .set({ expiresAt: new Date(api.clock.now.getTime() - 1000) })
      .where(eq(meetingGuests.id, a.guest.id));
    expect((await signIn(a.token, a.code)).status).toBe(401);

    const revoked = await world();
    const b = await invite(revoked);
    const revokePath = `${revoked.guestsPath}/${b.guest.id}/revoke`;
    expect((await call(api, "POST", revokePath, { cookie: revoked.lead })).status).toBe(200);
    expect((await call(api, "POST", revokePath, { cookie: revoked.lead })).status).toBe(409);
    expect((await signIn(b.token, b.code)).status).toBe(401);

    const ended = await world();
    const c = await invite(ended);
    const session = cookieFrom(await signIn(c.token, c.code));
    const meetingPath = `/api/families/${ended.s.family.id}/meetings/${ended.meeting.id}`;
    expect((await call(api, "GET", meetingPath, { cookie: session })).status).toBe(200);
    await api.deps.db
      .update(meetings)
      .set({ state: "ended" })
      .where(eq(meetings.id, ended.meeting.id));
    expect((await call(api, "GET", meetingPath, { cookie: session })).status).toBe(404);
    expect((await call(api, "GET", "/api/guest/meeting", { cookie: session })).status).toBe(404);
  });

  it("ends a signed-in guest's session when the lead revokes the invitation", async () => {
    const w = await world();
    const { token, code, guest } = await invite(w);
    const session = cookieFrom(await signIn(token, code));
    await call(api, "POST", `${w.guestsPath}/${guest.id}/revoke`, { cookie: w.lead });
    const meetingPath = `/api/families/${w.s.family.id}/meetings/${w.meeting.id}`;
    expect((await call(api, "GET", meetingPath, { cookie: session })).status).toBe(401);
    expect(api.events).toContainEqual(
      expect.objectContaining({ type: "access.revoked", userIds: [expect.any(String)] }),
    );
  });

  it("refuses malformed sign-in input with a JSON 400", async () => {
    for (const body of [
      {},
      { token: "x", code: "12345678" },
      { token: "a".repeat(32), code: "12" },
    ]) {
      const response = await call(api, "POST", "/api/guest/sign-in", { body });
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBeTypeOf("string");
    }
  });
});
