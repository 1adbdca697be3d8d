import type { DatabaseHandle } from "@teamaround/db";
import { buildMeeting, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { connection, type MeetingClient, meetingClient, send } from "../testing/test-meetings";
import { cookieFor, startTestRealtime, type TestRealtime } from "../testing/test-realtime";
import { localMeetingSockets } from "./meeting-sockets";

let handle: DatabaseHandle;
let server: TestRealtime;
const clients: MeetingClient[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  // Passes are run by hand.
  server = await startTestRealtime(handle.db, {}, { accessRecheckMs: 60_000 });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

// The benchmark at 200 rooms met it: a person whose meeting:join landed while
// a pass waited for the database was told "You no longer have access to this
// family", because the pass judged a family whose access it had not read.
it("judges only the families it read: a meeting joined while a pass runs is left to the next", async () => {
  const s = await buildScenario(handle.db);
  const live = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
    invitedUserIds: [s.users.teamMember.id],
  });
  const member = meetingClient(server.httpUrl, await cookieFor(handle.db, s.users.teamMember.id));
  clients.push(member);
  expect(await connection(member)).toEqual({ ok: true });
  expect(await send(member, "meeting:join", { meetingId: live.id })).toMatchObject({ ok: true });
  const socket = localMeetingSockets(server.realtime.meetings).find(
    (each) => each.data.actor.userId === s.users.teamMember.id,
  );
  if (!socket) throw new Error("the member's socket is not on this node");

  // Another family's meeting: were it judged with no access read, it would be lost.
  const other = await buildScenario(handle.db);
  const pass = server.realtime.recheckAccess();
  // What a join finishing now leaves behind, after the pass has read its pairs.
  socket.data.meetings["00000000-0000-4000-8000-000000000000"] = {
    familyId: other.family.id,
    role: "team_member",
    attendanceId: "00000000-0000-4000-8000-000000000002",
    handRaised: false,
  };
  expect(await pass).toBe(0);
  expect(socket.disconnected).toBe(false);
  // The next pass reads that family too, and judges it.
  expect(await server.realtime.recheckAccess()).toBe(1);
  expect(socket.disconnected).toBe(true);
});
