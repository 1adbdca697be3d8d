import { type DatabaseHandle, meetingCallAttendance, meetingLobbyAdmissions } from "@teamaround/db";
import { buildMeeting, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { callLimits } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
const ice = {
  stunUrls: ["stun:turn.example.gov.uk:3478"],
  turnUrls: ["turns:turn.example.gov.uk:443?transport=tcp"],
  turnSecret: "a-shared-secret-for-coturn",
  turnTtlSeconds: 3600,
};

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  server = await startTestMeetings(handle.db, {}, { ice });
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

/** A live meeting with the lead (chair), the team member and the parent invited; the first two in the room. */
async function world() {
  const s = await buildScenario(handle.db);
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
    invitedUserIds: [s.users.teamMember.id],
    invitedMemberIds: [s.members.parent.id],
  });
  const meetingId = meeting.id;
  const lead = await connect(s.users.lead.id);
  const member = await connect(s.users.teamMember.id);
  expect((await send(lead, "meeting:join", { meetingId })).ok).toBe(true);
  expect((await send(member, "meeting:join", { meetingId })).ok).toBe(true);
  return { s, meetingId, lead, member };
}

const media = { muted: false, cameraOff: false, audioOnly: false };
const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

async function joinCall(client: MeetingClient, meetingId: string) {
  const ack = await send(client, "call:join", { meetingId, ...media });
  if (!ack.ok) throw new Error(`call:join refused: ${ack.error.message}`);
  return ack.data as { peerId: string; peers: { peerId: string }[]; iceServers: unknown[] };
}

const offer = { kind: "description", type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" };

async function callRows(meetingId: string) {
  return handle.db
    .select()
    .from(meetingCallAttendance)
    .where(eq(meetingCallAttendance.meetingId, meetingId));
}

describe("the call", () => {
  it("answers who is in it with ICE servers and a TURN credential of one's own, and records attendance", async () => {
    const { s, meetingId, lead, member } = await world();
    const first = await joinCall(lead, meetingId);
    expect(first.iceServers).toEqual([
      { urls: ice.stunUrls },
      {
        urls: ice.turnUrls,
        username: expect.stringMatching(new RegExp(`^\\d+:${s.users.lead.id}$`)),
        credential: expect.any(String),
      },
    ]);
    const seen = next(lead, "call:update", (u) => u.peers.length === 2);
    const second = await joinCall(member, meetingId);
    expect(second.peers.map((p) => p.peerId).sort()).toEqual([first.peerId, second.peerId].sort());
    expect((await seen).peers).toContainEqual(
      expect.objectContaining({ peerId: second.peerId, userId: s.users.teamMember.id }),
    );
    const rows = await callRows(meetingId);
    expect(rows.map((r) => r.userId).sort()).toEqual(
      [s.users.lead.id, s.users.teamMember.id].sort(),
    );
    expect(rows.every((r) => r.leftAt === null)).toBe(true);
  });

  it("relays a signal to the named peer only, from the sender's peer id", async () => {
    const { s, meetingId, lead, member } = await world();
    const other = await connect(s.users.lead.id);
    expect((await send(other, "meeting:join", { meetingId })).ok).toBe(true);
    const a = await joinCall(lead, meetingId);
    const b = await joinCall(member, meetingId);
    const c = await joinCall(other, meetingId);
    const heardByC: unknown[] = [];
    other.on("call:signal", (signal) => heardByC.push(signal));
    const heardByB = next(member, "call:signal");
    expect(await send(lead, "call:signal", { meetingId, to: b.peerId, signal: offer })).toEqual({
      ok: true,
      data: null,
    });
    expect(await heardByB).toEqual({ meetingId, from: a.peerId, signal: offer });
    // A round trip on C's own connection: anything sent to it before would have arrived first.
    await send(other, "call:state", { meetingId, ...media, speaking: false });
    expect(heardByC).toEqual([]);
    expect(c.peerId).not.toBe(b.peerId);
  });

  it("refuses signals from outside the call, to someone outside it, and bad payloads, relaying nothing", async () => {
    const { s, meetingId, lead, member } = await world();
    const a = await joinCall(lead, meetingId);
    const heard: unknown[] = [];
    lead.on("call:signal", (signal) => heard.push(signal));
    // In the room but not in the call.
    expect(await send(member, "call:signal", { meetingId, to: a.peerId, signal: offer })).toEqual(
      refused("conflict"),
    );
    const b = await joinCall(member, meetingId);
    expect(
      await send(lead, "call:signal", { meetingId, to: crypto.randomUUID(), signal: offer }),
    ).toEqual(refused("not_found"));
    expect(await send(lead, "call:signal", { meetingId, to: a.peerId, signal: offer })).toEqual(
      refused("bad_request"),
    );
    const bad = [
      { meetingId, to: b.peerId, signal: { ...offer, sdp: "x".repeat(callLimits.sdp + 1) } },
      { meetingId, to: b.peerId, signal: { ...offer, type: "rollback" } },
      { meetingId, to: b.peerId, signal: offer, extra: true },
      { meetingId, to: "not-a-peer", signal: offer },
      {
        meetingId,
        to: b.peerId,
        signal: {
          kind: "candidate",
          candidate: "x".repeat(callLimits.candidate + 1),
          sdpMid: "0",
          sdpMLineIndex: 0,
          usernameFragment: null,
        },
      },
      { meetingId, to: b.peerId, signal: { kind: "candidate", candidate: "c", sdpMid: "0" } },
    ];
    const heardByB: unknown[] = [];
    member.on("call:signal", (signal) => heardByB.push(signal));
    for (const payload of bad) {
      expect(await send(lead, "call:signal", payload)).toEqual(refused("validation_failed"));
    }
    expect(await send(lead, "call:join", { meetingId, ...media, extra: 1 })).toEqual(
      refused("validation_failed"),
    );
    expect(await send(lead, "call:state", { meetingId, muted: "yes" })).toEqual(
      refused("validation_failed"),
    );
    await send(member, "call:state", { meetingId, ...media, speaking: false });
    expect(heardByB).toEqual([]);
    expect(heard).toEqual([]);
    // The other family's lead is told the meeting does not exist.
    const outsider = await connect(s.users.otherLead.id);
    expect(await send(outsider, "call:join", { meetingId, ...media })).toEqual(
      refused("forbidden"),
    );
  });

  it("shows mute, camera off and speaking to the others", async () => {
    const { s, meetingId, lead, member } = await world();
    await joinCall(lead, meetingId);
    await joinCall(member, meetingId);
    const muted = next(lead, "call:update", (u) =>
      u.peers.some((p) => p.userId === s.users.teamMember.id && p.muted && p.cameraOff),
    );
    const state = { meetingId, muted: true, cameraOff: true, audioOnly: false, speaking: false };
    expect(await send(member, "call:state", state)).toEqual({ ok: true, data: null });
    await muted;
  });

  it(`refuses the ${callLimits.maxPeers + 1}th connection with a clear error`, async () => {
    const { s, meetingId, lead, member } = await world();
    await joinCall(lead, meetingId);
    for (let i = 1; i < callLimits.maxPeers; i++) {
      const another = await connect(s.users.lead.id);
      expect((await send(another, "meeting:join", { meetingId })).ok).toBe(true);
      await joinCall(another, meetingId);
    }
    const eleventh = await send(member, "call:join", { meetingId, ...media });
    expect(eleventh).toEqual(refused("conflict"));
    expect(eleventh.ok ? "" : eleventh.error.message).toMatch(/call is full/);
    expect(await callRows(meetingId)).toHaveLength(callLimits.maxPeers);
  });

  it("leaving closes the call attendance and tells the others to close that peer; rejoining gives a new peer", async () => {
    const { meetingId, lead, member } = await world();
    await joinCall(lead, meetingId);
    const b = await joinCall(member, meetingId);
    const left = next(lead, "call:peer-left");
    expect(await send(member, "call:leave", { meetingId })).toEqual({ ok: true, data: null });
    expect(await left).toEqual({ meetingId, peerId: b.peerId });
    const again = await joinCall(member, meetingId);
    expect(again.peerId).not.toBe(b.peerId);
    const rows = await callRows(meetingId);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.leftAt !== null)).toHaveLength(1);
  });

  it("revoking someone's access ends their media: the others close that peer, attendance closed", async () => {
    const { s, meetingId, lead, member } = await world();
    await joinCall(lead, meetingId);
    const b = await joinCall(member, meetingId);
    const left = next(lead, "call:peer-left");
    const roster = next(lead, "call:update", (u) => u.peers.length === 1);
    await server.meetings.disconnectWhere(
      { userId: s.users.teamMember.id, familyId: s.family.id },
      "Consent was withdrawn",
    );
    expect(await left).toEqual({ meetingId, peerId: b.peerId });
    await roster;
    await expect
      .poll(
        async () =>
          (await callRows(meetingId)).find((r) => r.userId === s.users.teamMember.id)?.leftAt,
        {
          timeout: 20_000,
        },
      )
      .toEqual(expect.any(Date));
  });

  it("ends with the meeting: every call attendance closed", async () => {
    const { meetingId, lead, member } = await world();
    await joinCall(lead, meetingId);
    await joinCall(member, meetingId);
    expect((await send(lead, "meeting:end", { meetingId })).ok).toBe(true);
    expect((await callRows(meetingId)).every((r) => r.leftAt !== null)).toBe(true);
  });
});

describe("the lobby", () => {
  it("holds a family member until the chair admits them, then lets them straight in", async () => {
    const { s, meetingId, lead, member } = await world();
    const parent = await connect(s.users.parentUser.id);
    const chairSees = next(lead, "lobby:update", (u) => u.waiting.length === 1);
    const waiting = await send(parent, "meeting:join", { meetingId });
    expect(waiting).toMatchObject({
      ok: true,
      data: { waiting: true, participants: [], chat: [], call: [] },
    });
    expect((await chairSees).waiting).toEqual([
      { userId: s.users.parentUser.id, name: s.users.parentUser.displayName },
    ]);
    // Waiting is not being in the room.
    expect(await send(parent, "chat:send", { meetingId, body: "hello" })).toEqual(
      refused("forbidden"),
    );
    expect(await send(parent, "call:join", { meetingId, ...media })).toEqual(refused("forbidden"));
    // Only the chair decides.
    const admit = { meetingId, userId: s.users.parentUser.id };
    expect(await send(member, "lobby:admit", admit)).toEqual(refused("forbidden"));
    const admitted = next(parent, "lobby:admitted");
    const emptied = next(lead, "lobby:update", (u) => u.waiting.length === 0);
    expect(await send(lead, "lobby:admit", admit)).toEqual({ ok: true, data: null });
    expect(await admitted).toEqual({ meetingId });
    await emptied;
    expect(await send(parent, "meeting:join", { meetingId })).toMatchObject({
      ok: true,
      data: { waiting: false },
    });
    // A later connection of theirs (a reload) goes straight in.
    const reloaded = await connect(s.users.parentUser.id);
    expect(await send(reloaded, "meeting:join", { meetingId })).toMatchObject({
      ok: true,
      data: { waiting: false },
    });
    const rows = await handle.db
      .select()
      .from(meetingLobbyAdmissions)
      .where(eq(meetingLobbyAdmissions.meetingId, meetingId));
    expect(rows).toMatchObject([{ userId: s.users.parentUser.id, admittedBy: s.users.lead.id }]);
  });

  it("declining tells the person, keeps no admission, and refuses someone not waiting", async () => {
    const { s, meetingId, lead } = await world();
    const parent = await connect(s.users.parentUser.id);
    const decision = { meetingId, userId: s.users.parentUser.id };
    expect(await send(lead, "lobby:admit", decision)).toEqual(refused("not_found"));
    await send(parent, "meeting:join", { meetingId });
    const declined = next(parent, "lobby:declined");
    expect(await send(lead, "lobby:decline", decision)).toEqual({ ok: true, data: null });
    expect(await declined).toEqual({ meetingId });
    expect(await send(lead, "lobby:admit", decision)).toEqual(refused("not_found"));
    const rows = await handle.db
      .select()
      .from(meetingLobbyAdmissions)
      .where(eq(meetingLobbyAdmissions.meetingId, meetingId));
    expect(rows).toEqual([]);
    // Asking again puts them back in the lobby.
    expect(await send(parent, "meeting:join", { meetingId })).toMatchObject({
      ok: true,
      data: { waiting: true },
    });
  });

  it("the chair sees who waits when joining, and a waiter who leaves is gone from the lobby", async () => {
    const { s, meetingId, lead } = await world();
    const parent = await connect(s.users.parentUser.id);
    await send(parent, "meeting:join", { meetingId });
    const chair = await connect(s.users.lead.id);
    expect(await send(chair, "meeting:join", { meetingId })).toMatchObject({
      ok: true,
      data: { lobby: [{ userId: s.users.parentUser.id }] },
    });
    const gone = next(lead, "lobby:update", (u) => u.waiting.length === 0);
    parent.close();
    await gone;
  });
});
