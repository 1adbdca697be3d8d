import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
  type TestRealtime,
  waitFor,
} from "../testing/test-realtime";
import {
  colorFor,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  stampAwarenessUpdate,
} from "./awareness";

/** A caret at the start of a section, as y-prosemirror sets it (relative positions, not JSON). */
function cursorAtStart(doc: Y.Doc, section = "worries") {
  const start = Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(section), 0);
  return { anchor: start, head: start };
}

let handle: DatabaseHandle;
let server: TestRealtime;
const clients: Client[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
});

function connect(name: string, cookie: string): Client {
  const client = connectClient(server.url, name, cookie);
  clients.push(client);
  return client;
}

describe("awareness", () => {
  it("stamps the signed-in person over whatever identity a client claims", async () => {
    server = await startTestRealtime(handle.db);
    const { family, users, agencies } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "voice", familyId: family.id });
    const parent = connect(name, await cookieFor(handle.db, users.parentUser.id));
    const lead = connect(name, await cookieFor(handle.db, users.lead.id));
    await Promise.all([parent.synced, lead.synced]);

    const seen: unknown[] = [];
    lead.provider.awareness.on("change", () => {
      seen.push(lead.provider.awareness.getStates().get(parent.doc.clientID)?.user);
    });
    parent.provider.awareness.setLocalStateField("user", {
      name: "Someone else",
      role: "lead_professional",
    });
    parent.provider.awareness.setLocalStateField("cursor", cursorAtStart(parent.doc));

    const parentSeenByLead = () => lead.provider.awareness.getStates().get(parent.doc.clientID);
    await waitFor(() => parentSeenByLead()?.cursor !== undefined, "the parent's cursor to arrive");
    expect(parentSeenByLead()?.user).toEqual({
      name: users.parentUser.displayName,
      role: "family_member",
      agency: null,
      color: colorFor(users.parentUser.id),
    });
    expect(JSON.stringify(seen)).not.toContain("Someone else");

    // And the other way: the lead is shown with their agency.
    lead.provider.awareness.setLocalStateField("cursor", cursorAtStart(lead.doc));
    await waitFor(
      () => parent.provider.awareness.getStates().get(lead.doc.clientID)?.cursor !== undefined,
      "the lead's cursor to arrive",
    );
    expect(parent.provider.awareness.getStates().get(lead.doc.clientID)?.user).toMatchObject({
      name: users.lead.displayName,
      role: "lead_professional",
      agency: agencies.school.name,
    });
  });

  it("drops a cursor that is not one and fields the editor does not read", async () => {
    server = await startTestRealtime(handle.db);
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    // The family member only reads the plan: awareness is all they can send.
    const parent = connect(name, await cookieFor(handle.db, users.parentUser.id));
    const lead = connect(name, await cookieFor(handle.db, users.lead.id));
    await Promise.all([parent.synced, lead.synced]);
    const parentSeenByLead = () => lead.provider.awareness.getStates().get(parent.doc.clientID);

    parent.provider.awareness.setLocalState({
      cursor: "not a cursor",
      script: "<img src=x onerror=alert(1)>",
    });
    await waitFor(() => parentSeenByLead()?.user !== undefined, "the parent's presence");
    expect(Object.keys(parentSeenByLead() ?? {})).toEqual(["user"]);

    parent.provider.awareness.setLocalState({ cursor: { anchor: {}, head: { item: "x" } } });
    await waitFor(
      () => (lead.provider.awareness.meta.get(parent.doc.clientID)?.clock ?? 0) >= 2,
      "the second state",
    );
    expect(parentSeenByLead()).not.toHaveProperty("cursor");

    const cursor = cursorAtStart(parent.doc, "working_well");
    parent.provider.awareness.setLocalState({ cursor, extra: 1 });
    await waitFor(() => parentSeenByLead()?.cursor != null, "a real cursor");
    expect(parentSeenByLead()?.cursor).toEqual(JSON.parse(JSON.stringify(cursor)));
    expect(parentSeenByLead()).not.toHaveProperty("extra");
  });

  it("removes a client's presence when it disconnects", async () => {
    server = await startTestRealtime(handle.db);
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(handle.db, users.lead.id));
    const member = connect(name, await cookieFor(handle.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    member.provider.awareness.setLocalStateField("cursor", cursorAtStart(member.doc));
    await waitFor(() => lead.provider.awareness.getStates().has(member.doc.clientID), "presence");
    // Drop the socket without the client saying goodbye: the server must remove the presence.
    member.provider.shouldConnect = false;
    (member.provider.ws as unknown as WebSocket).terminate();
    await waitFor(() => !lead.provider.awareness.getStates().has(member.doc.clientID), "removal");
  });
});

describe("stampAwarenessUpdate", () => {
  const presence = { name: "Ann", role: "team_member", agency: "Health", color: "#00703c" };

  it("keeps only the client ids the connection may speak for", () => {
    const update = encodeAwarenessEntries([
      { clientId: 1, clock: 1, state: { user: { name: "Mallory" } } },
      { clientId: 2, clock: 5, state: null },
    ]);
    const stamped = stampAwarenessUpdate(update, presence, (id) => id === 1);
    expect(stamped?.clientIds).toEqual([1]);
    expect(decodeAwarenessUpdate(stamped?.update ?? new Uint8Array())).toEqual([
      { clientId: 1, clock: 1, state: { user: presence } },
    ]);
    expect(stampAwarenessUpdate(update, presence, () => false)).toBeNull();
  });

  it("drops unknown and malformed fields, keeping a real cursor and a null one", () => {
    const anchor = { type: null, tname: "worries", item: null, assoc: 0 };
    const update = encodeAwarenessEntries([
      { clientId: 1, clock: 1, state: { cursor: { anchor, head: anchor }, extra: [1] } },
      { clientId: 2, clock: 1, state: { cursor: null } },
      { clientId: 3, clock: 1, state: { cursor: { anchor: 3 }, user: { name: "Mallory" } } },
      { clientId: 4, clock: 1, state: { cursor: { anchor: {}, head: {} } } },
    ]);
    const stamped = stampAwarenessUpdate(update, presence, () => true);
    expect(decodeAwarenessUpdate(stamped?.update ?? new Uint8Array())).toEqual([
      { clientId: 1, clock: 1, state: { user: presence, cursor: { anchor, head: anchor } } },
      { clientId: 2, clock: 1, state: { user: presence, cursor: null } },
      { clientId: 3, clock: 1, state: { user: presence } },
      { clientId: 4, clock: 1, state: { user: presence } },
    ]);
  });

  it("refuses states that are not objects, and malformed bytes", () => {
    const array = encodeAwarenessEntries([{ clientId: 1, clock: 1, state: [] as never }]);
    expect(() => stampAwarenessUpdate(array, presence, () => true)).toThrow(/object or null/);
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 5, 123]))).toThrow(/malformed/);
  });
});
