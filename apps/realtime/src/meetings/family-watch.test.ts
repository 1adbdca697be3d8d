import type { DatabaseHandle } from "@teamaround/db";
import { buildMeeting, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import type { FamilyChangeResource, Notice } from "@teamaround/domain";
import { createLocalEventBus, type EventBus } from "@teamaround/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guestSignsIn } from "../testing/test-guests";
import {
  connection,
  type MeetingClient,
  meetingClient,
  next,
  send,
} from "../testing/test-meetings";
import { cookieFor, startTestRealtime, type TestRealtime } from "../testing/test-realtime";

let handle: DatabaseHandle;
let events: EventBus;
let server: TestRealtime;
beforeAll(async () => {
  handle = await openTestDatabase();
  events = createLocalEventBus();
  server = await startTestRealtime(handle.db, {}, { events, accessRecheckMs: 0 });
});
afterAll(async () => {
  await server?.close();
  await events?.close();
  await handle?.close();
});

async function watching(userId: string, familyId: string): Promise<MeetingClient> {
  const client = meetingClient(server.httpUrl, await cookieFor(handle.db, userId));
  expect(await connection(client)).toEqual({ ok: true });
  expect(await send(client, "family:watch", { familyId })).toEqual({
    ok: true,
    data: { familyId },
  });
  return client;
}

function heard(client: MeetingClient): Notice["resource"][] {
  const resources: Notice["resource"][] = [];
  client.on("notice", (notice) => resources.push(notice.resource));
  return resources;
}

const change = (familyId: string, resource: FamilyChangeResource, by: string) =>
  events.publish({
    type: "family.changed",
    familyId,
    resource,
    id: familyId,
    change: "updated",
    by,
    at: new Date().toISOString(),
  });

describe("family:watch", () => {
  it("keeps lawful-basis and register notices from the family, and tells everyone the rest", async () => {
    const s = await buildScenario(handle.db);
    const staff = await watching(s.users.teamMember.id, s.family.id);
    const parent = await watching(s.users.parentUser.id, s.family.id);
    const staffHeard = heard(staff);
    const parentHeard = heard(parent);
    const lastForStaff = next(staff, "notice", (n) => n.resource === "outcome");
    const lastForParent = next(parent, "notice", (n) => n.resource === "outcome");
    for (const resource of ["lawful_basis", "sharing", "outcome"] as const) {
      await change(s.family.id, resource, s.users.lead.id);
    }
    // Notices arrive in order: the last one in, everything sent before it has arrived.
    await Promise.all([lastForStaff, lastForParent]);
    expect(staffHeard).toEqual(["lawful_basis", "sharing", "outcome"]);
    expect(parentHeard).toEqual(["outcome"]);
    staff.close();
    parent.close();
  });

  it("leaving a meeting keeps a watched family's notices; unwatching keeps a meeting's", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
      invitedUserIds: [s.users.teamMember.id],
    });
    const staff = await watching(s.users.teamMember.id, s.family.id);
    expect(await send(staff, "meeting:join", { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    expect(await send(staff, "meeting:leave", { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    let notice = next(staff, "notice");
    await change(s.family.id, "outcome", s.users.lead.id);
    expect(await notice).toMatchObject({ familyId: s.family.id, resource: "outcome" });

    expect(await send(staff, "meeting:join", { meetingId: meeting.id })).toMatchObject({
      ok: true,
    });
    expect(await send(staff, "family:unwatch", { familyId: s.family.id })).toEqual({
      ok: true,
      data: null,
    });
    notice = next(staff, "notice");
    await change(s.family.id, "sharing", s.users.lead.id);
    expect(await notice).toMatchObject({ familyId: s.family.id, resource: "sharing" });
    staff.close();
  });

  it("refuses a guest partner as for a family that does not exist: a guest sees one meeting, not the family", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
    });
    const { cookie } = await guestSignsIn(handle.db, s, meeting.id);
    const guest = meetingClient(server.httpUrl, cookie);
    expect(await connection(guest)).toEqual({ ok: true });
    const unknown = await send(guest, "family:watch", {
      familyId: "5d1f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e",
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await send(guest, "family:watch", { familyId: s.family.id })).toEqual(unknown);
    guest.close();
  });
});
