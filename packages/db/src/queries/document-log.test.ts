import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { buildScenario, openTestDatabase } from "../testing";
import {
  compactDocumentLog,
  type FoldUpdates,
  getDocumentLog,
  insertDocumentUpdates,
} from "./document-log";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

/** A stand-in for the Yjs fold: the snapshot's bytes then each update's, so the order shows. */
const concat: FoldUpdates = (snapshot, updates) =>
  Uint8Array.from([...(snapshot ?? []), ...updates.flatMap((u) => [...u])]);

async function freshDocument() {
  const s = await buildScenario(handle.db);
  const documentName = `plan:${s.family.id}`;
  const row = (...bytes: number[]) => ({
    documentName,
    familyId: s.family.id,
    update: Uint8Array.from(bytes),
  });
  return { documentName, row };
}

describe("the document log", () => {
  it("reads back what was appended, in order, with no snapshot yet", async () => {
    const { documentName, row } = await freshDocument();
    await insertDocumentUpdates(handle.db, [row(1), row(2, 3)]);
    await insertDocumentUpdates(handle.db, []);
    const log = await getDocumentLog(handle.db, documentName);
    expect(log.snapshot).toBeNull();
    expect(log.updates.map((u) => [...u])).toEqual([[1], [2, 3]]);
  });

  it("compacts the updates it read into the snapshot, and later ones after it", async () => {
    const { documentName, row } = await freshDocument();
    await insertDocumentUpdates(handle.db, [row(1), row(2)]);
    const first = await compactDocumentLog(handle.db, documentName, concat);
    expect(first).toMatchObject({ folded: 2, foldedBytes: 2, snapshotBytes: 2 });
    expect(await compactDocumentLog(handle.db, documentName, concat)).toBeNull();

    await insertDocumentUpdates(handle.db, [row(3)]);
    const before = await getDocumentLog(handle.db, documentName);
    expect([...(before.snapshot ?? [])]).toEqual([1, 2]);
    expect(before.updates.map((u) => [...u])).toEqual([[3]]);
    const second = await compactDocumentLog(handle.db, documentName, concat);
    expect(second?.lastUpdateId).toBeGreaterThan(first?.lastUpdateId ?? 0);
    const after = await getDocumentLog(handle.db, documentName);
    expect({ snapshot: [...(after.snapshot ?? [])], updates: after.updates }).toEqual({
      snapshot: [1, 2, 3],
      updates: [],
    });
  });

  it("compacts nothing for a document with no log", async () => {
    const { documentName } = await freshDocument();
    expect(await compactDocumentLog(handle.db, documentName, concat)).toBeNull();
    expect(await getDocumentLog(handle.db, documentName)).toEqual({ snapshot: null, updates: [] });
  });
});
