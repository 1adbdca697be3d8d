import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cookieFor,
  openRawSocket,
  startTestRealtime,
  type TestRealtime,
} from "../testing/test-realtime";

let handle: DatabaseHandle;
let server: TestRealtime;

beforeAll(async () => {
  handle = await openTestDatabase();
  server = await startTestRealtime(handle.db);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

// Relayed updates are framed once and written straight to each socket
// (`Connection.sendFrame`), which is right only for uncompressed frames.
describe("a client that offers per-message compression", () => {
  it("is answered without it, and its first messages read whole", async () => {
    const s = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: s.family.id });
    const raw = openRawSocket(server.url, name, await cookieFor(handle.db, s.users.lead.id));
    await raw.opened;
    expect(raw.ws.extensions).toBe("");
    const start = Date.now();
    while (raw.messages.length === 0 && Date.now() - start < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The server's sync step 1: message type 0 (sync), sub-type 0.
    expect([...(raw.messages[0] ?? []).slice(0, 2)]).toEqual([0, 0]);
    raw.ws.close();
  });
});
