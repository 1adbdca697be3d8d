import {
  auditEvents,
  type DatabaseHandle,
  listAttendanceRows,
  meetingAttendance,
} from "@teamaround/db";
import {
  buildMeeting,
  buildScenario,
  openTestDatabase,
  type Scenario,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { guestSignsIn } from "../testing/test-guests";
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

async function connect(cookie: string): Promise<MeetingClient> {
  const client = meetingClient(server.url, cookie);
  clients.push(client);
  expect(await connection(client)).toEqual({ ok: true });
  return client;
}

const liveMeeting = (s: Scenario) =>
  buildMeeting(handle.db, { familyId: s.family.id, chairUserId: s.users.lead.id, state: "live" });

describe("a guest partner in the meeting room", () => {
  it("joins with the code, is named as a guest with their organisation, and is refused after the meeting ends", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await liveMeeting(s);
    const lead = await connect(await cookieFor(handle.db, s.users.lead.id));
    expect(await send(lead, "meeting:join", { meetingId: meeting.id })).toMatchObject({ ok: true });
    const { guest, cookie } = await guestSignsIn(handle.db, s, meeting.id);
    const gp = await connect(cookie);

    // The guest waits in the lobby until the chair lets them in.
    const waiting = await send(gp, "meeting:join", { meetingId: meeting.id });
    expect(waiting, JSON.stringify(waiting)).toMatchObject({ ok: true, data: { waiting: true } });
    const admitted = next(gp, "lobby:admitted");
    const admit = await send(lead, "lobby:admit", { meetingId: meeting.id, userId: guest.userId });
    expect(admit).toMatchObject({ ok: true });
    await admitted;
    const present = next(lead, "presence:update", (u) => u.participants.length === 2);
    const joined = await send(gp, "meeting:join", { meetingId: meeting.id });
    expect(joined, JSON.stringify(joined)).toMatchObject({ ok: true, data: { waiting: false } });
    expect((await present).participants).toContainEqual(
      expect.objectContaining({
        userId: guest.userId,
        name: "Dr Asha Patel",
        role: "guest",
        agency: "Riverside Surgery",
        isChair: false,
      }),
    );
    const attended = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id));
    expect(attended.map((row) => row.userId)).toContain(guest.userId);
    const audited = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, guest.userId), eq(auditEvents.familyId, s.family.id)));
    expect(audited.length).toBeGreaterThan(0);

    // In the room, a guest may chat and join the call, never chair.
    const chatted = await send(gp, "chat:send", {
      meetingId: meeting.id,
      body: "Hello from the GP",
    });
    expect(chatted).toMatchObject({ ok: true });
    const inCall = await send(gp, "call:join", {
      meetingId: meeting.id,
      muted: false,
      cameraOff: true,
      audioOnly: true,
    });
    expect(inCall).toMatchObject({ ok: true });
    const ending = await send(gp, "meeting:end", { meetingId: meeting.id });
    expect(ending).toMatchObject({ ok: false, error: { code: "forbidden" } });

    expect(await send(lead, "meeting:end", { meetingId: meeting.id })).toMatchObject({ ok: true });
    // The record's attendance names the guest's organisation where staff have their agency.
    const record = await listAttendanceRows(handle.db, s.family.id, meeting.id);
    expect(record.find((row) => row.userId === guest.userId)).toMatchObject({
      name: "Dr Asha Patel",
      role: "guest",
      agencyName: "Riverside Surgery",
    });
    const again = await connect(cookie);
    const refused = await send(again, "meeting:join", { meetingId: meeting.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("is told another meeting does not exist", async () => {
    const s = await buildScenario(handle.db);
    const invitedTo = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const other = await buildScenario(handle.db);
    const elsewhere = await liveMeeting(other);
    const { cookie } = await guestSignsIn(handle.db, s, invitedTo.id);
    const gp = await connect(cookie);
    const refused = await send(gp, "meeting:join", { meetingId: elsewhere.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Their own meeting before it starts: not live yet.
    const early = await send(gp, "meeting:join", { meetingId: invitedTo.id });
    expect(early).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
