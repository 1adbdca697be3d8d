import { type DatabaseHandle, documentSnapshots, documentUpdates } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
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
} from "../testing/test-realtime";
import { createDocumentStore, foldUpdates } from "./store";

let handle: DatabaseHandle;
let server: TestRealtime | undefined;
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
  server = undefined;
});

const logRows = (name: string) =>
  handle.db.select().from(documentUpdates).where(eq(documentUpdates.documentName, name));
const snapshotRow = async (name: string) =>
  (
    await handle.db.select().from(documentSnapshots).where(eq(documentSnapshots.documentName, name))
  )[0];

/** `count` single-character edits, one update each, as an editor produces them. */
function typedUpdates(doc: Y.Doc, count: number, char = "x"): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on("update", record);
  for (let i = 0; i < count; i++) write(doc, "end", char);
  doc.off("update", record);
  return updates;
}

async function planOf() {
  const { family } = await buildScenario(handle.db);
  return { familyId: family.id, name: formatDocumentName({ kind: "plan", familyId: family.id }) };
}

describe("compaction", () => {
  it("folds a long log into a snapshot with the same content, while editing goes on", async () => {
    const live = await startTestRealtime(handle.db, { compactAfterUpdates: 20 });
    server = live;
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(handle.db, users.lead.id);
    const lead = connectClient(live.url, name, cookie);
    clients.push(lead);
    await lead.synced;
    for (let i = 0; i < 60; i++) {
      write(lead, "end", String(i % 10));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const written = text(lead);
    await waitFor(() => serverText(live.realtime, name) === written, "every edit");
    await waitFor(() => live.realtime.stats().compactions >= 1, "a compaction");
    expect(await snapshotRow(name)).toBeDefined();
    expect((await logRows(name)).length).toBeLessThan(60);

    await live.close();
    const restarted = await startTestRealtime(handle.db);
    server = restarted;
    const fresh = connectClient(restarted.url, name, cookie);
    clients.push(fresh);
    await fresh.synced;
    expect(text(fresh)).toBe(written);
  });

  it("keeps updates appended while a compaction runs, and deletes exactly those it folded", async () => {
    const store = createDocumentStore(handle.db);
    const { familyId, name } = await planOf();
    const source = new Y.Doc();
    const early = typedUpdates(source, 300, "a");
    await store.store(early.map((update) => ({ documentName: name, familyId, update })));
    const late = typedUpdates(source, 50, "b");
    const [result] = await Promise.all([
      store.compact(name),
      ...late.map((update) => store.store([{ documentName: name, familyId, update }])),
    ]);
    expect(result?.folded).toBeGreaterThanOrEqual(300);

    const remaining = await logRows(name);
    expect(remaining.length).toBe(350 - (result?.folded ?? 0));
    const stored = await store.fetch(name);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, foldUpdates(stored.snapshot, stored.updates));
    expect(text(reloaded)).toBe(text(source));

    // A second compaction starts from the first one's snapshot.
    const again = await store.compact(name);
    expect(again?.folded).toBe(remaining.length);
    expect(await logRows(name)).toHaveLength(0);
    const final = await store.fetch(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, foldUpdates(final.snapshot, final.updates));
    expect(text(doc)).toBe(`${"a".repeat(300)}${"b".repeat(50)}`);
  });

  it("returns null and writes nothing for a document with an empty log", async () => {
    const store = createDocumentStore(handle.db);
    const { name } = await planOf();
    expect(await store.compact(name)).toBeNull();
    expect(await snapshotRow(name)).toBeUndefined();
  });

  it("serves the snapshot plus later updates on load, and never loses concurrent compactions' work", async () => {
    const store = createDocumentStore(handle.db);
    const { familyId, name } = await planOf();
    const source = new Y.Doc();
    await store.store(
      typedUpdates(source, 100).map((update) => ({ documentName: name, familyId, update })),
    );
    const results = await Promise.all([
      store.compact(name),
      store.compact(name),
      store.compact(name),
    ]);
    expect(results.reduce((sum, r) => sum + (r?.folded ?? 0), 0)).toBe(100);
    await store.store(
      typedUpdates(source, 5, "z").map((update) => ({ documentName: name, familyId, update })),
    );
    const stored = await store.fetch(name);
    expect(stored.updates).toHaveLength(5);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, foldUpdates(stored.snapshot, stored.updates));
    expect(text(doc)).toBe(`${"x".repeat(100)}zzzzz`);
  });
});

describe("unloading", () => {
  it("unloads a document a while after its last connection leaves, and reloads it intact", async () => {
    const live = await startTestRealtime(handle.db, { unloadDelayMs: 500 });
    server = live;
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "voice", familyId: family.id });
    const cookie = await cookieFor(handle.db, users.parentUser.id);
    const parent = connectClient(live.url, name, cookie);
    clients.push(parent);
    await parent.synced;
    write(parent, 0, "We want mornings to be calmer");
    await waitFor(() => serverText(live.realtime, name) !== "", "the edit");
    expect(live.realtime.stats().loadedDocuments).toBe(1);

    parent.provider.disconnect();
    await waitFor(() => live.realtime.stats().connections === 0, "the server to see the leave");
    expect(live.realtime.stats().loadedDocuments).toBe(1);
    await waitFor(() => live.realtime.stats().loadedDocuments === 0, "the unload");

    const back = connectClient(live.url, name, cookie);
    clients.push(back);
    await back.synced;
    expect(text(back)).toBe("We want mornings to be calmer");
    expect(live.realtime.stats()).toMatchObject({ loadedDocuments: 1, documentLoads: 2 });
  });

  it("keeps a document loaded when someone rejoins before the delay ends", async () => {
    const live = await startTestRealtime(handle.db, { unloadDelayMs: 1000 });
    server = live;
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(handle.db, users.lead.id);
    const first = connectClient(live.url, name, cookie);
    clients.push(first);
    await first.synced;
    first.provider.disconnect();
    const second = connectClient(live.url, name, cookie);
    clients.push(second);
    await second.synced;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(live.realtime.stats()).toMatchObject({ loadedDocuments: 1, documentLoads: 1 });
  });
});
