import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { buildScenario, openTestDatabase } from "../testing";
import { openDocumentAppender } from "./document-appender";
import { getDocumentLog } from "./document-log";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("the document appender", () => {
  it("appends a batch across documents in order, bytes intact, on its own connection", async () => {
    const a = await buildScenario(handle.db);
    const b = await buildScenario(handle.db);
    const appender = openDocumentAppender(handle.db);
    try {
      const every = Uint8Array.from({ length: 256 }, (_, i) => i);
      // A view into a larger buffer: only its own bytes are stored.
      const view = new Uint8Array(Uint8Array.from([9, 7, 8, 9]).buffer, 1, 2);
      await appender.append([
        { documentName: `plan:${a.family.id}`, familyId: a.family.id, update: every },
        { documentName: `notes:${b.family.id}`, familyId: b.family.id, update: view },
        { documentName: `plan:${a.family.id}`, familyId: a.family.id, update: Uint8Array.of(0) },
      ]);
      await appender.append([]);
      const planLog = await getDocumentLog(handle.db, `plan:${a.family.id}`);
      expect(planLog.updates.map((u) => [...u])).toEqual([[...every], [0]]);
      const notesLog = await getDocumentLog(handle.db, `notes:${b.family.id}`);
      expect(notesLog.updates.map((u) => [...u])).toEqual([[7, 8]]);
    } finally {
      await appender.close();
    }
  });

  it("stores nothing of a batch when one row is refused", async () => {
    const a = await buildScenario(handle.db);
    const appender = openDocumentAppender(handle.db);
    try {
      const name = `plan:${a.family.id}`;
      const unknownFamily = "00000000-0000-4000-8000-000000000000";
      await expect(
        appender.append([
          { documentName: name, familyId: a.family.id, update: Uint8Array.of(1) },
          { documentName: name, familyId: unknownFamily, update: Uint8Array.of(2) },
        ]),
      ).rejects.toThrow();
      expect((await getDocumentLog(handle.db, name)).updates).toEqual([]);
    } finally {
      await appender.close();
    }
  });
});
