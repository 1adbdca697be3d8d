import { createGuestInvitation } from "@teamaround/auth";
import {
  type DatabaseHandle,
  meetingAttendance,
  meetingCallAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetingGuests,
  meetingLobbyAdmissions,
  meetings,
  planVersions,
} from "@teamaround/db";
import {
  buildMeeting,
  buildScenario,
  buildUser,
  openTestDatabase,
  type Scenario,
} from "@teamaround/db/testing";
import { type ClientEvent, clientEvents } from "@teamaround/domain";
import { and, count, eq, isNull, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connection,
  type MeetingClient,
  meetingClient,
  send,
  startTestMeetings,
  type TestMeetings,
} from "../testing/test-meetings";
import { cookieFor } from "../testing/test-realtime";
import {
  type EventCase,
  type EventCell,
  type EventPersona,
  eventExpectations,
  eventPersonas,
  type Outcome,
} from "./event-expectations";
import { meetingEventTable } from "./event-table";

let handle: DatabaseHandle;
let server: TestMeetings;
let world: Scenario;
const sockets = new Map<EventPersona, MeetingClient>();
/** Another connection of the family member, waiting in every cell's lobby. */
let waiter: MeetingClient;

/** Who joins a cell's meeting before sending its event (the others try to, and are refused). */
const joinsFirst: ReadonlySet<EventPersona> = new Set([
  "chair",
  "teamMember",
  "familyMember",
  "guest",
]);

let analystId = "";
/** The guest partner's account and invitation; each cell's meeting becomes the one it names. */
let guest = { id: "", userId: "" };

function userOf(s: Scenario, persona: EventPersona): string {
  const u = s.users;
  const users: Record<EventPersona, string> = {
    chair: u.lead.id,
    teamMember: u.teamMember.id,
    familyMember: u.parentUser.id,
    notJoined: u.teamMember.id,
    otherFamilyMember: u.otherParentUser.id,
    outsider: u.outsider.id,
    manager: u.manager.id,
    administrator: u.administrator.id,
    analyst: analystId,
    guest: guest.userId,
  };
  return users[persona];
}

// One world, one server and one connection per persona for the whole file;
// every cell gets a live meeting of its own, so no cell sees another's effects.
beforeAll(async () => {
  handle = await openTestDatabase();
  server = await startTestMeetings(handle.db, { eventsPerSecond: 10_000, chatPerSecond: 10_000 });
  world = await buildScenario(handle.db);
  const analyst = await buildUser(handle.db, {
    authorityId: world.authority.id,
    role: "partnership_analyst",
    agencyId: null,
  });
  analystId = analyst.id;
  const placeholder = await buildMeeting(handle.db, {
    familyId: world.family.id,
    chairUserId: world.users.lead.id,
  });
  const invited = await createGuestInvitation(handle.db, {
    authorityId: world.authority.id,
    familyId: world.family.id,
    meetingId: placeholder.id,
    name: "Dr Asha Patel",
    organisation: "Riverside Surgery",
    email: "asha.patel@surgery.example.nhs.uk",
    roleWords: "GP",
    mayWrite: false,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: world.users.lead.id,
    now: new Date(),
  });
  guest = { id: invited.guest.id, userId: invited.guest.userId };
  for (const persona of eventPersonas) {
    const client = meetingClient(server.url, await cookieFor(handle.db, userOf(world, persona)));
    sockets.set(persona, client);
    expect(await connection(client)).toEqual({ ok: true });
  }
  waiter = meetingClient(server.url, await cookieFor(handle.db, world.users.parentUser.id));
  expect(await connection(waiter)).toEqual({ ok: true });
});
afterAll(async () => {
  for (const client of sockets.values()) client.close();
  waiter?.close();
  await server?.close();
  await handle?.close();
});

function socketOf(persona: EventPersona): MeetingClient {
  const client = sockets.get(persona);
  if (!client) throw new Error(`no socket for ${persona}`);
  return client;
}

async function freshCell(): Promise<EventCell> {
  const meeting = await buildMeeting(handle.db, {
    familyId: world.family.id,
    chairUserId: world.users.lead.id,
    state: "live",
    invitedUserIds: [world.users.teamMember.id],
    invitedMemberIds: [world.members.parent.id],
  });
  const agendaItemId = meeting.agenda[0]?.id;
  if (!agendaItemId) throw new Error("meeting built without an agenda");
  await handle.db
    .update(meetingGuests)
    .set({ meetingId: meeting.id })
    .where(eq(meetingGuests.id, guest.id));
  const waiting = await send(waiter, "meeting:join", { meetingId: meeting.id });
  expect(waiting).toMatchObject({ ok: true, data: { waiting: true } });
  return {
    meetingId: meeting.id,
    familyId: world.family.id,
    agendaItemId,
    someoneElseId: world.users.otherLead.id,
    waitingUserId: world.users.parentUser.id,
  };
}

/** Everything an event could have written about the cell's meeting. */
async function recordsOf(meetingId: string) {
  const countWhere = async (
    from:
      | typeof meetingAttendance
      | typeof meetingCallAttendance
      | typeof meetingChatMessages
      | typeof meetingDecisions
      | typeof meetingLobbyAdmissions,
    where?: SQL,
  ) => {
    const [row] = await handle.db
      .select({ n: count() })
      .from(from)
      .where(and(eq(from.meetingId, meetingId), where));
    return row?.n ?? 0;
  };
  const [meeting] = await handle.db
    .select({
      state: meetings.state,
      version: meetings.version,
      agendaItem: meetings.currentAgendaItemId,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  const [versions] = await handle.db
    .select({ n: count() })
    .from(planVersions)
    .where(eq(planVersions.meetingId, meetingId));
  return {
    meeting,
    attendance: await countWhere(meetingAttendance),
    openAttendance: await countWhere(meetingAttendance, isNull(meetingAttendance.leftAt)),
    callAttendance: await countWhere(meetingCallAttendance),
    admissions: await countWhere(meetingLobbyAdmissions),
    chat: await countWhere(meetingChatMessages),
    decisions: await countWhere(meetingDecisions),
    versions: versions?.n ?? 0,
  };
}

async function prepare(persona: EventPersona, event: ClientEvent, cell: EventCell) {
  if (event === "meeting:join" || persona === "notJoined") return;
  const joined = await send(socketOf(persona), "meeting:join", { meetingId: cell.meetingId });
  expect(joined.ok, `${persona} joining`).toBe(joinsFirst.has(persona));
  if (persona === "familyMember") await admitFamilyMember(cell);
  if (persona === "guest") await admitGuest(cell);
  const inCallFirst = event === "call:signal" || event === "call:state";
  if (inCallFirst && joinsFirst.has(persona)) {
    const media = { muted: false, cameraOff: false, audioOnly: true };
    const inCall = await send(socketOf(persona), "call:join", {
      meetingId: cell.meetingId,
      ...media,
    });
    expect(inCall.ok, `${persona} joining the call`).toBe(true);
  }
}

/** The family member waits in the lobby until the chair lets them in; then they join again. */
async function admitFamilyMember({ meetingId, waitingUserId }: EventCell) {
  const chair = socketOf("chair");
  expect((await send(chair, "meeting:join", { meetingId })).ok).toBe(true);
  expect(await send(chair, "lobby:admit", { meetingId, userId: waitingUserId })).toEqual({
    ok: true,
    data: null,
  });
  const joined = await send(socketOf("familyMember"), "meeting:join", { meetingId });
  expect(joined).toMatchObject({ ok: true, data: { waiting: false } });
}

/** The guest partner waits in the lobby too; the chair lets them in and they join again. */
async function admitGuest({ meetingId }: EventCell) {
  const chair = socketOf("chair");
  expect((await send(chair, "meeting:join", { meetingId })).ok).toBe(true);
  const admitted = await send(chair, "lobby:admit", { meetingId, userId: guest.userId });
  expect(admitted).toEqual({ ok: true, data: null });
  const joined = await send(socketOf("guest"), "meeting:join", { meetingId });
  expect(joined).toMatchObject({ ok: true, data: { waiting: false } });
}

const outcomeOf = (ack: { ok: true } | { ok: false; error: { code: string } }): Outcome | string =>
  ack.ok ? "ok" : ack.error.code;

const cases = Object.entries(eventExpectations).flatMap(([event, variants]) =>
  Object.entries(variants as Record<string, EventCase<ClientEvent>>).map(
    ([variant, eventCase]) => [event as ClientEvent, variant, eventCase] as const,
  ),
);

describe("the socket event matrix", () => {
  it("has an expectation for every event of the handler table", () => {
    const missing = Object.keys(meetingEventTable).filter(
      (e) => Object.keys(eventExpectations[e as ClientEvent] ?? {}).length === 0,
    );
    expect(missing, "events with no entry in event-expectations.ts").toEqual([]);
  });

  it("has no expectation for an event that does not exist", () => {
    const handled = new Set(Object.keys(meetingEventTable));
    const unknown = Object.keys(eventExpectations).filter((e) => !handled.has(e));
    expect(unknown, "entries of event-expectations.ts naming no event").toEqual([]);
  });

  it("handles exactly the events of the domain's event map", () => {
    expect(Object.keys(meetingEventTable).sort()).toEqual([...clientEvents].sort());
  });

  describe.each(cases)("%s (%s)", (event, _variant, eventCase) => {
    it.each(eventPersonas)("as %s", async (persona) => {
      const cell = await freshCell();
      await prepare(persona, event, cell);
      const before = await recordsOf(cell.meetingId);
      const ack = await send(socketOf(persona), event, eventCase.payload(cell));
      const expected = eventCase.expect[persona];
      expect(outcomeOf(ack)).toBe(expected);
      if (expected !== "ok") expect(await recordsOf(cell.meetingId)).toEqual(before);
    });
  });

  it.each(clientEvents)(
    "%s with a bad payload answers validation_failed, changing nothing",
    async (event) => {
      const cell = await freshCell();
      await prepare("chair", event, cell);
      const before = await recordsOf(cell.meetingId);
      const ack = await send(socketOf("chair"), event, { meetingId: cell.meetingId, extra: 1 });
      expect(outcomeOf(ack)).toBe("validation_failed");
      expect(await recordsOf(cell.meetingId)).toEqual(before);
    },
  );
});
