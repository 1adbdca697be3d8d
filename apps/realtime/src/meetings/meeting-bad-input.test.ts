import { type DatabaseHandle, meetingChatMessages, meetings } from "@teamaround/db";
import { buildMeeting, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  connection,
  type MeetingClient,
  meetingClient,
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
  server = await startTestMeetings(handle.db, { chatPerSecond: 5 });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

/** The lead, connected and in a live meeting of their family. */
async function leadInMeeting() {
  const s = await buildScenario(handle.db);
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
  });
  const lead = meetingClient(server.url, await cookieFor(handle.db, s.users.lead.id));
  clients.push(lead);
  await connection(lead);
  expect(await send(lead, "meeting:join", { meetingId: meeting.id })).toMatchObject({ ok: true });
  return { s, meeting, lead };
}

/** Sends what a typed client would not: any payload, no acknowledgement. */
const emitRaw = (client: MeetingClient, event: string, payload: unknown) =>
  (client.emit as (event: string, payload: unknown) => void).call(client, event, payload);

const invalid = { ok: false, error: expect.objectContaining({ code: "validation_failed" }) };

async function chatCount(meetingId: string) {
  const rows = await handle.db
    .select()
    .from(meetingChatMessages)
    .where(eq(meetingChatMessages.meetingId, meetingId));
  return rows.length;
}

describe("bad payloads get error acks and change nothing", () => {
  it.each([
    ["no payload", undefined],
    ["a number for the id", { meetingId: 123 }],
    ["an id that is not a UUID", { meetingId: "meeting-1" }],
    ["an extra field", { meetingId: "5b0e8f7e-58c4-4c43-9d0d-8d7a3f3f1e11", room: "family:x" }],
    ["an array", ["5b0e8f7e-58c4-4c43-9d0d-8d7a3f3f1e11"]],
  ])("meeting:join with %s", async (_what, payload) => {
    const { lead } = await leadInMeeting();
    expect(await send(lead, "meeting:join", payload)).toEqual(invalid);
  });

  it("answers not_found to a meeting id that does not exist", async () => {
    const { lead } = await leadInMeeting();
    expect(
      await send(lead, "meeting:join", { meetingId: "5b0e8f7e-58c4-4c43-9d0d-8d7a3f3f1e11" }),
    ).toEqual({ ok: false, error: expect.objectContaining({ code: "not_found" }) });
  });

  it.each([
    ["an oversized message", "x".repeat(2001)],
    ["an empty message", "   "],
    ["a NUL character", "Robin\u0000Smith"],
    ["an escape sequence", "\u001b[2J"],
    ["a number", 42],
    ["an object", { text: "hi" }],
  ])("chat:send with %s stores nothing", async (_what, body) => {
    const { meeting, lead } = await leadInMeeting();
    expect(await send(lead, "chat:send", { meetingId: meeting.id, body })).toEqual(invalid);
    expect(await chatCount(meeting.id)).toBe(0);
  });

  it("refuses an agenda item the meeting does not have", async () => {
    const { meeting, lead } = await leadInMeeting();
    const result = await send(lead, "agenda:set", {
      meetingId: meeting.id,
      agendaItemId: "5b0e8f7e-58c4-4c43-9d0d-8d7a3f3f1e11",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "unprocessable" } });
    const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.currentAgendaItemId).toBeNull();
  });

  it("limits chat to a few messages a second per socket, storing only those accepted", async () => {
    const { meeting, lead } = await leadInMeeting();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(lead, "chat:send", { meetingId: meeting.id, body: `m${i}` }),
      ),
    );
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThan(12);
    expect(results.filter((r) => !r.ok)).toContainEqual({
      ok: false,
      error: expect.objectContaining({ code: "too_many_requests" }),
    });
    expect(await chatCount(meeting.id)).toBe(accepted);
  });

  it("closes only the connection that sends more than 64 KiB, and survives events without acks", async () => {
    const { s, meeting, lead } = await leadInMeeting();
    const other = meetingClient(server.url, await cookieFor(handle.db, s.users.teamMember.id));
    clients.push(other);
    await connection(other);
    const closed = new Promise<string>((resolve) => other.once("disconnect", resolve));
    emitRaw(other, "chat:send", { meetingId: meeting.id, body: "x".repeat(70 * 1024) });
    expect(await closed).toMatch(/transport/);
    emitRaw(lead, "chat:send", { meetingId: meeting.id, body: "no ack wanted" });
    emitRaw(lead, "meeting:join", "garbage");
    expect(
      await send(lead, "chat:send", { meetingId: meeting.id, body: "still here" }),
    ).toMatchObject({
      ok: true,
    });
    expect(lead.connected).toBe(true);
  });
});
