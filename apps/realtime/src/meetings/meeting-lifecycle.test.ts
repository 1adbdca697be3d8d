import {
  type DatabaseHandle,
  documentSnapshots,
  documentUpdates,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetings,
  planVersionHash,
  planVersions,
} from "@teamaround/db";
import {
  buildMeeting,
  buildScenario,
  openTestDatabase,
  type Scenario,
} from "@teamaround/db/testing";
import type { MeetingRoomState, PresenceUpdate } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
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

/** Stores a paragraph in a section the way the Yjs server stores edits: as logged updates. */
async function storeText(s: Scenario, doc: Y.Doc, kind: string, section: string, text: string) {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on("update", capture);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).push([paragraph]);
  doc.off("update", capture);
  const documentName = `${kind}:${s.family.id}`;
  await handle.db
    .insert(documentUpdates)
    .values(updates.map((update) => ({ documentName, familyId: s.family.id, update })));
}

const liveMeeting = (s: Scenario) =>
  buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
    invitedUserIds: [s.users.teamMember.id],
    invitedMemberIds: [s.members.parent.id],
  });

const ok = (data: unknown = expect.anything()) => ({ ok: true, data });
const names = (update: PresenceUpdate) => update.participants.map((p) => p.userId).sort();

describe("a TAC meeting, start to end", () => {
  it("runs presence, attendance, chat, agenda, hands and decisions, then stores a hashed version", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await liveMeeting(s);
    const plan = new Y.Doc();
    await storeText(s, plan, "plan", "worries", "Rent arrears");
    // Part of the plan already compacted into a snapshot, part still in the log.
    const early = new Y.Doc();
    early.getXmlFragment("family_words").push([new Y.XmlElement("paragraph")]);
    (early.getXmlFragment("family_words").get(0) as Y.XmlElement).push([
      new Y.XmlText("We want to stay together"),
    ]);
    await handle.db.insert(documentSnapshots).values({
      documentName: `voice:${s.family.id}`,
      familyId: s.family.id,
      state: Y.encodeStateAsUpdate(early),
      lastUpdateId: 0,
    });
    await storeText(s, new Y.Doc(), "notes", "notes", "Dad's court date is 3 March");

    const lead = await connect(s.users.lead.id);
    const member = await connect(s.users.teamMember.id);
    const joined = await send(lead, "meeting:join", { meetingId: meeting.id });
    expect(joined).toMatchObject(
      ok({ meetingId: meeting.id, state: "live", familyId: s.family.id }),
    );

    const bothPresent = next(lead, "presence:update", (u) => u.participants.length === 2);
    expect(await send(member, "meeting:join", { meetingId: meeting.id })).toMatchObject(ok());
    const presence = await bothPresent;
    expect(names(presence)).toEqual([s.users.lead.id, s.users.teamMember.id].sort());
    expect(presence.participants).toContainEqual({
      userId: s.users.teamMember.id,
      name: s.users.teamMember.displayName,
      role: "team_member",
      agency: s.agencies.health.name,
      handRaised: false,
      isChair: false,
    });
    expect(presence.participants[0]).toMatchObject({
      userId: s.users.lead.id,
      isChair: true,
      agency: s.agencies.school.name,
    });
    const attendance = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id));
    expect(attendance).toHaveLength(2);

    const received = next(lead, "chat:message");
    const sent = await send(member, "chat:send", {
      meetingId: meeting.id,
      body: "  Attendance is up  ",
    });
    expect(sent).toMatchObject(
      ok({ body: "Attendance is up", authorName: s.users.teamMember.displayName }),
    );
    expect(await received).toMatchObject({
      body: "Attendance is up",
      authorUserId: s.users.teamMember.id,
    });
    const stored = await handle.db
      .select()
      .from(meetingChatMessages)
      .where(eq(meetingChatMessages.meetingId, meeting.id));
    expect(stored.map((m) => m.body)).toEqual(["Attendance is up"]);

    const item = meeting.agenda[1]?.id ?? "";
    const moved = next(member, "agenda:current");
    expect(
      await send(lead, "agenda:set", { meetingId: meeting.id, agendaItemId: item }),
    ).toMatchObject(ok());
    expect(await moved).toEqual({ meetingId: meeting.id, currentAgendaItemId: item });
    const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.currentAgendaItemId).toBe(item);

    const raised = next(lead, "presence:update", (u) => u.participants.some((p) => p.handRaised));
    await send(member, "hand:raise", { meetingId: meeting.id });
    expect((await raised).participants.find((p) => p.handRaised)?.userId).toBe(
      s.users.teamMember.id,
    );
    const lowered = next(member, "presence:update", (u) =>
      u.participants.every((p) => !p.handRaised),
    );
    expect(
      await send(lead, "hand:lower", { meetingId: meeting.id, userId: s.users.teamMember.id }),
    ).toEqual(ok(null));
    await lowered;

    expect(
      await send(lead, "decision:record", {
        meetingId: meeting.id,
        text: "Refer to the debt adviser",
      }),
    ).toMatchObject(ok());
    const leftPresence = next(lead, "presence:update", (u) => u.participants.length === 1);
    expect(await send(member, "meeting:leave", { meetingId: meeting.id })).toEqual({
      ok: true,
      data: null,
    });
    await leftPresence;

    const endedEvent = next(lead, "meeting:ended");
    const ended = await send(lead, "meeting:end", { meetingId: meeting.id });
    expect(ended).toMatchObject(
      ok({ meetingId: meeting.id, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    const { versionId, hash } = (ended as { data: { versionId: string; hash: string } }).data;
    expect(await endedEvent).toEqual({ meetingId: meeting.id, versionId, hash });

    const [version] = await handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.id, versionId));
    if (!version) throw new Error("no version stored");
    expect(version.contentHash).toBe(hash);
    expect(planVersionHash(version.content, version.snapshots)).toBe(hash);
    const { content } = version;
    expect(content.documents.plan?.worries).toBe("Rent arrears");
    expect(content.documents.voice?.family_words).toBe("We want to stay together");
    expect(content.documents.notes?.notes).toBe("Dad's court date is 3 March");
    expect(content.chat.map((m) => m.body)).toEqual(["Attendance is up"]);
    expect(content.decisions.map((d) => d.text)).toEqual(["Refer to the debt adviser"]);
    expect(content.attendance).toHaveLength(2);
    expect(content.attendance.every((a) => a.leftAt !== null)).toBe(true);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Buffer.from(version.snapshots.plan ?? "", "base64"));
    expect(restored.getXmlFragment("worries").toString()).toContain("Rent arrears");

    // Nothing more happens in an ended meeting.
    expect(await send(lead, "chat:send", { meetingId: meeting.id, body: "hello?" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await send(lead, "meeting:join", { meetingId: meeting.id })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("numbers the next meeting's version 2 and gives a rejoining socket the room so far", async () => {
    const s = await buildScenario(handle.db);
    const first = await liveMeeting(s);
    const lead = await connect(s.users.lead.id);
    await send(lead, "meeting:join", { meetingId: first.id });
    await send(lead, "meeting:end", { meetingId: first.id });
    const second = await liveMeeting(s);
    await send(lead, "meeting:join", { meetingId: second.id });
    await send(lead, "chat:send", { meetingId: second.id, body: "Second meeting" });
    const again = (await send(lead, "meeting:join", { meetingId: second.id })) as {
      data: MeetingRoomState;
    };
    expect(again.data.chat.map((m) => m.body)).toEqual(["Second meeting"]);
    const attendance = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, second.id));
    expect(attendance).toHaveLength(1);
    await send(lead, "decision:record", { meetingId: second.id, text: "Close in three months" });
    const ended = await send(lead, "meeting:end", { meetingId: second.id });
    const versions = await handle.db
      .select({ number: planVersions.number, meetingId: planVersions.meetingId })
      .from(planVersions)
      .where(eq(planVersions.familyId, s.family.id));
    expect(versions.sort((a, b) => a.number - b.number)).toEqual([
      { number: 1, meetingId: first.id },
      { number: 2, meetingId: second.id },
    ]);
    expect(ended.ok).toBe(true);
    const decisions = await handle.db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, second.id));
    expect(decisions).toHaveLength(1);
  });

  it("closes attendance when a socket disconnects, and tells the others", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await liveMeeting(s);
    const lead = await connect(s.users.lead.id);
    const member = await connect(s.users.teamMember.id);
    await send(lead, "meeting:join", { meetingId: meeting.id });
    await send(member, "meeting:join", { meetingId: meeting.id });
    const alone = next(lead, "presence:update", (u) => u.participants.length === 1);
    member.disconnect();
    await alone;
    const rows = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.userId, s.users.teamMember.id));
    expect(rows.map((r) => r.leftAt)).toEqual([expect.any(Date)]);
  });
});
