import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connection, meetingClient, startTestMeetings, type TestMeetings } from "./test-meetings";
import { cookieFor } from "./test-realtime";

/**
 * `connection()` must answer for a handshake that finished before it was
 * asked: a test that awaited a database write between creating a client and
 * asking once waited forever for a `connect` event already gone (the
 * two-node presence test, on a loaded machine).
 */
let handle: DatabaseHandle;
let server: TestMeetings;
beforeAll(async () => {
  handle = await openTestDatabase();
  server = await startTestMeetings(handle.db);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

/** Waits until the client has connected or been refused, without listening for either. */
async function settled(client: ReturnType<typeof meetingClient>) {
  for (let waited = 0; waited < 20_000 && client.active && !client.connected; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("connection()", () => {
  it("answers for a client that connected before it was asked", async () => {
    const s = await buildScenario(handle.db);
    const client = meetingClient(server.url, await cookieFor(handle.db, s.users.lead.id));
    await settled(client);
    expect(client.connected).toBe(true);
    expect(await connection(client)).toEqual({ ok: true });
    client.close();
  });

  it("answers with the refusal for a client refused before it was asked", async () => {
    const client = meetingClient(server.url, null);
    await settled(client);
    expect(await connection(client)).toMatchObject({ ok: false, code: "unauthenticated" });
    client.close();
  });
});
