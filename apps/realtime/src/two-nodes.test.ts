import type { DatabaseHandle } from "@teamaround/db";
import { buildMeeting, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { createRedisEventBus, type RedisEventBus } from "@teamaround/events";
import { redisUrlForTests, uniquePrefix } from "@teamaround/events/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connection, type MeetingClient, meetingClient, next, send } from "./testing/test-meetings";
import {
  type Client,
  connectClient,
  cookieFor,
  serverText,
  startTestRealtime,
  type TestRealtime,
  text,
  waitFor,
  write,
} from "./testing/test-realtime";

describe.skipIf(!process.env.REDIS_URL)("two realtime nodes sharing Redis and the database", () => {
  const url = redisUrlForTests();
  let handle: DatabaseHandle;
  let nodes: [TestRealtime, TestRealtime];
  let buses: RedisEventBus[];
  const clients: Client[] = [];
  const sockets: MeetingClient[] = [];
  const channel = uniquePrefix("events");

  beforeAll(async () => {
    handle = await openTestDatabase();
    // One prefix per run: parallel runs on the same Redis never hear each other.
    const redis = { url, keyPrefix: uniquePrefix("nodes") };
    buses = [0, 1, 2].map(() => createRedisEventBus({ url, channel }));
    await Promise.all(buses.map((bus) => bus.ready));
    nodes = [
      await startTestRealtime(handle.db, {}, { redis, events: buses[0], accessRecheckMs: 60_000 }),
      await startTestRealtime(handle.db, {}, { redis, events: buses[1], accessRecheckMs: 60_000 }),
    ];
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await Promise.all(buses.map((bus) => bus.close()));
    await handle.close();
  });

  const serverTextOf = (node: TestRealtime, name: string) =>
    serverText(node.realtime, name)?.length;

  const open = (node: TestRealtime, name: string, cookie: string) => {
    const client = connectClient(node.url, name, cookie);
    clients.push(client);
    return client;
  };

  /** A live meeting: its chair (the lead) connected to the first node, an invited member to the second. */
  const liveMeetingOnBothNodes = async () => {
    const s = await buildScenario(handle.db);
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
      invitedUserIds: [s.users.teamMember.id],
    });
    const lead = meetingClient(nodes[0].httpUrl, await cookieFor(handle.db, s.users.lead.id));
    const member = meetingClient(
      nodes[1].httpUrl,
      await cookieFor(handle.db, s.users.teamMember.id),
    );
    sockets.push(lead, member);
    expect(await connection(lead)).toEqual({ ok: true });
    expect(await connection(member)).toEqual({ ok: true });
    return { s, meeting, lead, member };
  };

  it("clients on different nodes co-edit one document and converge", async () => {
    const s = await buildScenario(handle.db);
    const name = `plan:${s.family.id}`;
    const a = open(nodes[0], name, await cookieFor(handle.db, s.users.lead.id));
    const b = open(nodes[1], name, await cookieFor(handle.db, s.users.teamMember.id));
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 20; i++) {
      write(a, 0, "a");
      write(b, 0, "b");
    }
    const converged = () => text(a).length === 40 && text(a) === text(b);
    await waitFor(converged, "convergence").catch((error: unknown) => {
      const held = nodes.map((node) => serverTextOf(node, name)).join(" / ");
      throw new Error(`${String(error)}: a=${text(a).length} b=${text(b).length} nodes=${held}`);
    });
    // A third client, on the first node, loads everything — stored once, by the node that accepted it.
    const late = open(nodes[0], name, await cookieFor(handle.db, s.users.manager.id));
    await late.synced;
    await waitFor(() => text(late) === text(a), "the late joiner's full state");
    expect(nodes[0].realtime.stats().updatesAccepted).toBeGreaterThan(0);
    expect(nodes[1].realtime.stats().updatesAccepted).toBeGreaterThan(0);
  });

  it("presence set on one node is seen, server-stamped, on the other, and leaves with the client", async () => {
    const s = await buildScenario(handle.db);
    const name = `voice:${s.family.id}`;
    const a = open(nodes[0], name, await cookieFor(handle.db, s.users.lead.id));
    const b = open(nodes[1], name, await cookieFor(handle.db, s.users.parentUser.id));
    await Promise.all([a.synced, b.synced]);
    const start = Y.createRelativePositionFromTypeIndex(a.doc.getXmlFragment("family_words"), 0);
    a.provider.awareness.setLocalStateField("cursor", { anchor: start, head: start });
    a.provider.awareness.setLocalStateField("user", { name: "Someone else" });
    const seenByB = () => b.provider.awareness.getStates().get(a.doc.clientID);
    await waitFor(() => seenByB()?.cursor !== undefined, "presence across nodes");
    expect(seenByB()).toMatchObject({
      cursor: { anchor: { tname: "family_words" } },
      user: { name: s.users.lead.displayName, role: "lead_professional" },
    });
    a.destroy();
    await waitFor(() => seenByB() === undefined, "presence removed across nodes");
  });

  it("meeting presence spans both nodes through the Socket.io adapter", async () => {
    const { s, meeting, lead, member } = await liveMeetingOnBothNodes();
    expect(await send(lead, "meeting:join", { meetingId: meeting.id })).toMatchObject({ ok: true });
    const both = next(lead, "presence:update", (p) => p.participants.length === 2);
    const joined = await send(member, "meeting:join", { meetingId: meeting.id });
    expect(joined).toMatchObject({ ok: true, data: { participants: expect.any(Array) } });
    const seen = await both;
    expect(seen.participants.map((p) => p.userId).sort()).toEqual(
      [s.users.lead.id, s.users.teamMember.id].sort(),
    );
  });

  it("a meeting ended on one node is forgotten by its sockets on the other", async () => {
    const { s, meeting, lead: chair, member } = await liveMeetingOnBothNodes();
    expect(await send(chair, "meeting:join", { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    expect(await send(member, "meeting:join", { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    const memberOnSecondNode = async () => {
      const local = await nodes[1].realtime.meetings.io.local.fetchSockets();
      const socket = local.find((one) => one.data.actor.userId === s.users.teamMember.id);
      if (!socket) throw new Error("the member's socket is not on the second node");
      return {
        meetings: Object.keys(socket.data.meetings ?? {}),
        familyRooms: [...socket.rooms].filter((room) => room.includes(s.family.id)),
      };
    };
    const inMeeting = await memberOnSecondNode();
    expect(inMeeting.meetings).toEqual([meeting.id]);
    expect(inMeeting.familyRooms.length).toBeGreaterThan(0);

    const ended = next(member, "meeting:ended");
    expect(await send(chair, "meeting:end", { meetingId: meeting.id })).toMatchObject({ ok: true });
    expect(await ended).toMatchObject({ meetingId: meeting.id });
    await waitFor(async () => {
      const after = await memberOnSecondNode();
      return after.meetings.length === 0 && after.familyRooms.length === 0;
    }, "the second node's socket to forget the ended meeting and leave the family's rooms");
  });

  it("an access change published once closes the person's connections on every node", async () => {
    const s = await buildScenario(handle.db);
    const cookie = await cookieFor(handle.db, s.users.teamMember.id);
    const onFirst = open(nodes[0], `plan:${s.family.id}`, cookie);
    const onSecond = open(nodes[1], `notes:${s.family.id}`, cookie);
    const socket = meetingClient(nodes[1].httpUrl, cookie);
    sockets.push(socket);
    expect(await connection(socket)).toEqual({ ok: true });
    await Promise.all([onFirst.synced, onSecond.synced]);
    const told = new Promise((resolve) => socket.once("access:revoked", resolve));
    const reason = "Your account was deactivated.";
    await buses[2]?.publish({ type: "access.revoked", userIds: [s.users.teamMember.id], reason });
    expect(await onFirst.closed).toEqual({ code: 4403, reason });
    expect(await onSecond.closed).toEqual({ code: 4403, reason });
    expect(await told).toEqual({ reason, familyId: null });
  });
});
