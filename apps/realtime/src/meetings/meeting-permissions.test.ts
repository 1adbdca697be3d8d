import { invalidateUserSessions } from "@teamaround/auth";
import { type DatabaseHandle, meetingAttendance, teamMemberships, users } from "@teamaround/db";
import {
  buildMeeting,
  buildScenario,
  openTestDatabase,
  type Scenario,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { meetingRoom } from "../rooms";
import {
  connection,
  type MeetingClient,
  meetingClient,
  next,
  send,
  startTestMeetings,
  type TestMeetings,
} from "../testing/test-meetings";
import { cookieFor } from "../testing/test-realtime";

let handle: DatabaseHandle;
let server: TestMeetings;
const clients: MeetingClient[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  server = await startTestMeetings(handle.db);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

async function connect(userId: string): Promise<MeetingClient> {
  const client = meetingClient(server.url, await cookieFor(handle.db, userId));
  clients.push(client);
  expect(await connection(client)).toEqual({ ok: true });
  return client;
}

/** A live meeting inviting the team member only (not the parent), and one scheduled. */
async function world() {
  const s = await buildScenario(handle.db);
  const base = { familyId: s.family.id, chairUserId: s.users.lead.id };
  const live = await buildMeeting(handle.db, {
    ...base,
    state: "live",
    invitedUserIds: [s.users.teamMember.id],
  });
  const scheduled = await buildMeeting(handle.db, {
    ...base,
    invitedUserIds: [s.users.teamMember.id],
  });
  return { s, live, scheduled };
}

const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

async function attendanceOf(s: Scenario, userId: string) {
  return handle.db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.familyId, s.family.id), eq(meetingAttendance.userId, userId)));
}

describe("handshake", () => {
  it("refuses another origin, no session, an expired session and a missing second factor", async () => {
    const s = await buildScenario(handle.db);
    const cookie = await cookieFor(handle.db, s.users.lead.id);
    const expiredCookie = await cookieFor(handle.db, s.users.lead.id, {
      at: new Date(Date.now() - 13 * 3_600_000),
    });
    await handle.db
      .update(users)
      .set({ totpKey: "enrolled" })
      .where(eq(users.id, s.users.teamMember.id));
    const pendingCookie = await cookieFor(handle.db, s.users.teamMember.id, {
      twoFactorVerified: false,
    });
    const attempt = (cookieHeader: string | null, origin?: string) => {
      const client = meetingClient(server.url, cookieHeader, origin);
      clients.push(client);
      return connection(client);
    };
    const notSignedIn = { ok: false, message: "not signed in", code: "unauthenticated" };
    expect(await attempt(cookie, "https://evil.example")).toMatchObject({ ok: false });
    expect(await attempt(null)).toEqual(notSignedIn);
    expect(await attempt(expiredCookie)).toEqual(notSignedIn);
    // Enrolled in TOTP but the second factor not yet given.
    expect(await attempt(pendingCookie)).toEqual(notSignedIn);
    expect(await attempt(cookie)).toEqual({ ok: true });
  });
});

describe("joining", () => {
  it.each([
    ["an outsider practitioner", "outsider", "not_found"],
    ["another family's parent", "otherParentUser", "not_found"],
    ["an administrator", "administrator", "not_found"],
    ["the service manager (oversight, not a participant)", "manager", "forbidden"],
    ["a family member not invited", "parentUser", "forbidden"],
  ] as const)(
    "refuses %s: error ack, not in the room, no attendance",
    async (_who, persona, code) => {
      const { s, live } = await world();
      const userId = s.users[persona].id;
      const lead = await connect(s.users.lead.id);
      await send(lead, "meeting:join", { meetingId: live.id });
      const client = await connect(userId);
      expect(await send(client, "meeting:join", { meetingId: live.id })).toEqual(refused(code));
      const inRoom = await server.meetings.io.in(meetingRoom(live.id)).fetchSockets();
      expect(inRoom.map((socket) => socket.data.actor.userId)).toEqual([s.users.lead.id]);
      expect(await attendanceOf(s, userId)).toEqual([]);
      expect(await send(client, "chat:send", { meetingId: live.id, body: "hi" })).toEqual(
        refused("forbidden"),
      );
    },
  );

  it("lets an invited family member in, and refuses a meeting that is not live", async () => {
    const { s, live, scheduled } = await world();
    const invited = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      invitedMemberIds: [s.members.parent.id],
    });
    const parent = await connect(s.users.parentUser.id);
    expect(await send(parent, "meeting:join", { meetingId: invited.id })).toEqual(
      refused("conflict"),
    );
    const member = await connect(s.users.teamMember.id);
    expect(await send(member, "meeting:join", { meetingId: scheduled.id })).toEqual(
      refused("conflict"),
    );
    expect(await send(member, "meeting:join", { meetingId: live.id })).toMatchObject({ ok: true });
  });
});

describe("the chair's powers", () => {
  it("refuses agenda, decisions, lowering others' hands and ending to anyone but the chair", async () => {
    const { s, live } = await world();
    const lead = await connect(s.users.lead.id);
    const member = await connect(s.users.teamMember.id);
    await send(lead, "meeting:join", { meetingId: live.id });
    await send(member, "meeting:join", { meetingId: live.id });
    const meetingId = live.id;
    const item = live.agenda[0]?.id ?? null;
    expect(await send(member, "agenda:set", { meetingId, agendaItemId: item })).toEqual(
      refused("forbidden"),
    );
    expect(await send(member, "decision:record", { meetingId, text: "x" })).toEqual(
      refused("forbidden"),
    );
    expect(await send(member, "hand:lower", { meetingId, userId: s.users.lead.id })).toEqual(
      refused("forbidden"),
    );
    expect(await send(member, "meeting:end", { meetingId })).toEqual(refused("forbidden"));
    expect(await send(member, "hand:lower", { meetingId })).toEqual({ ok: true, data: null });
  });
});

describe("access that ends mid-meeting", () => {
  it("refuses the next event of someone removed from the team", async () => {
    const { s, live } = await world();
    const member = await connect(s.users.teamMember.id);
    await send(member, "meeting:join", { meetingId: live.id });
    await handle.db
      .update(teamMemberships)
      .set({ removedAt: new Date(), removedReason: "Left the service" })
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    expect(await send(member, "chat:send", { meetingId: live.id, body: "still here?" })).toEqual(
      refused("not_found"),
    );
  });

  it("refuses and disconnects a socket whose session was signed out", async () => {
    const { s, live } = await world();
    const cookie = await cookieFor(handle.db, s.users.teamMember.id);
    const member = meetingClient(server.url, cookie);
    clients.push(member);
    await connection(member);
    await send(member, "meeting:join", { meetingId: live.id });
    await invalidateUserSessions(handle.db, s.users.teamMember.id);
    const revoked = next(member, "access:revoked");
    expect(await send(member, "chat:send", { meetingId: live.id, body: "x" })).toEqual(
      refused("unauthenticated"),
    );
    expect((await revoked).reason).toMatch(/session/);
  });

  it("disconnectWhere tells the person why, disconnects them and closes attendance", async () => {
    const { s, live } = await world();
    const lead = await connect(s.users.lead.id);
    const member = await connect(s.users.teamMember.id);
    await send(lead, "meeting:join", { meetingId: live.id });
    await send(member, "meeting:join", { meetingId: live.id });
    const revoked = next(member, "access:revoked");
    const gone = new Promise<string>((resolve) => member.once("disconnect", resolve));
    const alone = next(lead, "presence:update", (u) => u.participants.length === 1);
    const count = await server.meetings.disconnectWhere(
      { userId: s.users.teamMember.id, familyId: s.family.id },
      "Consent was withdrawn",
    );
    expect(count).toBe(1);
    expect(await revoked).toEqual({ reason: "Consent was withdrawn", familyId: s.family.id });
    expect(await gone).toBe("io server disconnect");
    await alone;
    expect((await attendanceOf(s, s.users.teamMember.id))[0]?.leftAt).toEqual(expect.any(Date));
    expect(lead.connected).toBe(true);
  });
});

describe("live notices", () => {
  it("reach the family's room and no one else; sharing-register notices reach staff only", async () => {
    const { s, live } = await world();
    const withParent = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
      invitedMemberIds: [s.members.parent.id],
    });
    const other = await buildMeeting(handle.db, {
      familyId: s.otherFamily.id,
      chairUserId: s.users.otherLead.id,
      state: "live",
    });
    const member = await connect(s.users.teamMember.id);
    const parent = await connect(s.users.parentUser.id);
    const otherLead = await connect(s.users.otherLead.id);
    await send(member, "meeting:join", { meetingId: live.id });
    await send(parent, "meeting:join", { meetingId: withParent.id });
    // The parent waits in the lobby until the chair lets them in, then joins again.
    const lead = await connect(s.users.lead.id);
    await send(lead, "meeting:join", { meetingId: withParent.id });
    await send(lead, "lobby:admit", { meetingId: withParent.id, userId: s.users.parentUser.id });
    expect(await send(parent, "meeting:join", { meetingId: withParent.id })).toMatchObject({
      ok: true,
      data: { waiting: false },
    });
    await send(otherLead, "meeting:join", { meetingId: other.id });
    const seenByParent: string[] = [];
    parent.on("notice", (n) => seenByParent.push(n.resource));
    let leaked = false;
    otherLead.on("notice", () => {
      leaked = true;
    });
    const at = new Date().toISOString();
    const notice = (resource: "action" | "sharing" | "lawful_basis") => ({
      familyId: s.family.id,
      resource,
      id: live.id,
      change: "updated" as const,
      by: s.users.lead.id,
      at,
    });
    const hidden = next(member, "notice", (n) => n.resource === "sharing");
    server.meetings.relayFamilyNotice(s.family.id, notice("sharing"));
    expect(await hidden).toEqual(notice("sharing"));
    // A lawful-basis decision may be one the family was not told about.
    const basis = next(member, "notice", (n) => n.resource === "lawful_basis");
    server.meetings.relayFamilyNotice(s.family.id, notice("lawful_basis"));
    expect(await basis).toEqual(notice("lawful_basis"));
    const memberSees = next(member, "notice", (n) => n.resource === "action");
    const parentSees = next(parent, "notice", (n) => n.resource === "action");
    server.meetings.relayFamilyNotice(s.family.id, notice("action"));
    expect(await memberSees).toMatchObject({ resource: "action" });
    await parentSees;
    expect(seenByParent).toEqual(["action"]);
    // An item whose audience within the family is narrower: staff, and only the members named.
    const narrower = (familySeenBy: string[]) => ({
      ...notice("action"),
      resource: "outcome" as const,
      familySeenBy,
    });
    const staffHears = next(member, "notice", (n) => n.resource === "outcome");
    server.meetings.relayFamilyNotice(s.family.id, narrower([]));
    expect(await staffHears).toMatchObject({ resource: "outcome" });
    const parentHears = next(parent, "notice", (n) => n.resource === "outcome");
    server.meetings.relayFamilyNotice(s.family.id, narrower([s.users.parentUser.id]));
    expect(await parentHears).not.toHaveProperty("familySeenBy");
    // The first went to nobody in the family: the parent heard the second only.
    expect(seenByParent).toEqual(["action", "outcome"]);
    expect(leaked).toBe(false);
  });
});
