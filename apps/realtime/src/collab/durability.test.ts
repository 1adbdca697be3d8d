import { documentUpdates } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { eq, sql } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import {
  cookieFor,
  openRawSocket,
  serverText,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";
import { encodeSyncStep1, encodeUpdate, messageSync } from "./protocol";

const setup = realtimeTestSetup();
const { connect } = setup;

const loggedUpdates = async (name: string) =>
  setup.db.select().from(documentUpdates).where(eq(documentUpdates.documentName, name));

/** Holds an exclusive lock on the update log until `release` is called. */
async function holdUpdateLog() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holding = setup.db.transaction(async (tx) => {
    await tx.execute(sql`lock table document_updates in exclusive mode`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await holding;
  };
}

describe("durability", () => {
  it("stores an update before any other client receives it", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(setup.db, users.lead.id));
    const member = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);

    const release = await holdUpdateLog();
    write(lead, 0, "Agreed at the meeting");
    await waitFor(
      () => serverText(setup.server.realtime, name) === "Agreed at the meeting",
      "the apply",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Applied in memory, but not stored: nobody else may have it yet.
    expect(text(member)).toBe("");

    const foundOnReceipt: Promise<number>[] = [];
    member.doc.on("update", () => foundOnReceipt.push(loggedUpdates(name).then((r) => r.length)));
    await release();
    await waitFor(() => text(member) === "Agreed at the meeting", "the relay after storing");
    expect(await Promise.all(foundOnReceipt)).toEqual([1]);
  });

  it("serves everything stored to a fresh client after a restart, and seeds nothing", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const plan = formatDocumentName({ kind: "plan", familyId: family.id });
    const notes = formatDocumentName({ kind: "notes", familyId: family.id });
    const cookie = await cookieFor(setup.db, users.lead.id);
    const lead = connect(plan, cookie);
    await lead.synced;
    for (const word of ["Mornings ", "are ", "calmer"]) write(lead, "end", word);
    await waitFor(
      () => serverText(setup.server.realtime, plan) === "Mornings are calmer",
      "the edits",
    );

    await setup.server.close();
    await setup.start();
    const fresh = connect(plan, cookie);
    await fresh.synced;
    expect(text(fresh)).toBe("Mornings are calmer");
    const empty = connect(notes, cookie);
    await empty.synced;
    expect(empty.doc.share.size).toBe(0);
    expect(await loggedUpdates(notes)).toHaveLength(0);
  });

  it("answers a client's sync step 1 only with stored content", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(setup.db, users.lead.id);
    const lead = connect(name, cookie);
    await lead.synced;
    const raw = openRawSocket(setup.server.url, name, cookie);
    await raw.opened;
    raw.ws.send(encodeSyncStep1(new Y.Doc()));
    const syncMessages = () => raw.messages.filter((m) => m[0] === messageSync);
    await waitFor(() => syncMessages().length === 2, "the server's step 1 and its answer");

    const release = await holdUpdateLog();
    write(lead, 0, "not stored yet");
    await waitFor(() => serverText(setup.server.realtime, name) === "not stored yet", "the apply");
    // Asking again (as y-websocket's resync does) gets no answer until the update is stored.
    raw.ws.send(encodeSyncStep1(new Y.Doc()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(syncMessages()).toHaveLength(2);
    await release();
    await waitFor(() => syncMessages().length === 4, "the relay and the answer");
    const doc = new Y.Doc();
    for (const message of syncMessages()) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      if (decoding.readVarUint(decoder) !== 0)
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
    expect(text(doc)).toBe("not stored yet");
    raw.ws.terminate();
  });

  it("stores an update that waits for a missing dependency, so a restart keeps it", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(setup.db, users.lead.id);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    // The paragraph and its first words in one update, the second words depending on it.
    write(source, 0, "first ");
    write(source, 6, "second");
    const [first, second] = updates as [Uint8Array, Uint8Array];

    const raw = openRawSocket(setup.server.url, name, cookie);
    await raw.opened;
    raw.ws.send(encodeUpdate(second));
    await waitFor(
      async () => (await loggedUpdates(name)).length === 1,
      "the waiting update to be stored",
    );
    raw.ws.terminate();

    await setup.server.close();
    await setup.start();
    const again = openRawSocket(setup.server.url, name, cookie);
    await again.opened;
    again.ws.send(encodeUpdate(first));
    const lead = connect(name, cookie);
    await lead.synced;
    await waitFor(() => text(lead) === "first second", "both parts");
    again.ws.terminate();
  });
});
