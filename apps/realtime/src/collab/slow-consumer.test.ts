import type { Socket } from "node:net";
import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
  type TestRealtime,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";

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

/** The TCP socket under a client's WebSocket, to stop reading from it as a stalled browser would. */
function tcpSocketOf(client: Client): Socket {
  const ws = client.provider.ws as unknown as { _socket?: Socket } | null;
  if (!ws?._socket) throw new Error("the client is not connected");
  return ws._socket;
}

describe("a client that stops reading", () => {
  it("never holds up the others, and is closed once too far behind", async () => {
    const maxBufferedBytes = 256 * 1024;
    server = await startTestRealtime(handle.db, {
      maxBufferedBytes,
      compactAfterBytes: 1024 * 1024 * 1024,
      compactAfterUpdates: 100_000,
    });
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const connect = async (userId: string) => {
      const client = connectClient(server.url, name, await cookieFor(handle.db, userId));
      clients.push(client);
      return client;
    };
    const lead = await connect(users.lead.id);
    const member = await connect(users.teamMember.id);
    const slow = await connect(users.manager.id);
    await Promise.all([lead.synced, member.synced, slow.synced]);
    await waitFor(() => server.realtime.stats().connections === 3, "three connections");

    const socket = tcpSocketOf(slow);
    socket.pause();
    // Far more than the kernel's socket buffers hold, so the server's own buffer must grow.
    const chunk = "x".repeat(200 * 1024);
    const chunks = 60;
    for (let i = 0; i < chunks; i++) {
      write(lead, "end", chunk);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const total = chunk.length * chunks;
    await waitFor(() => text(member).length === total, "every update at the member", 60_000);
    // The server let go of the client it could not write to.
    await waitFor(() => server.realtime.stats().connections === 2, "the slow client to be closed");
    expect(text(slow).length).toBeLessThan(total);

    // Reading again, it reconnects and catches up from the server.
    socket.resume();
    await waitFor(() => text(slow).length === total, "the slow client to catch up", 60_000);
    expect(text(slow)).toBe(text(lead));
  }, 180_000);
});
