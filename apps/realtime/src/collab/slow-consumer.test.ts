import type { Socket } from "node:net";
import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import {
  type Client,
  connectClient,
  cookieFor,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";

const setup = realtimeTestSetup();

/** The TCP socket under a client's WebSocket, to stop reading from it as a stalled browser would. */
function tcpSocketOf(client: Client): Socket {
  const ws = client.provider.ws as unknown as { _socket?: Socket } | null;
  if (!ws?._socket) throw new Error("the client is not connected");
  return ws._socket;
}

describe("a client that stops reading", () => {
  it("never holds up the others, and is closed once too far behind", async () => {
    const maxBufferedBytes = 256 * 1024;
    await setup.start({
      maxBufferedBytes,
      compactAfterBytes: 1024 * 1024 * 1024,
      compactAfterUpdates: 100_000,
    });
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const connect = async (userId: string) => {
      const client = connectClient(setup.server.url, name, await cookieFor(setup.db, userId));
      setup.keep(client);
      return client;
    };
    const lead = await connect(users.lead.id);
    const member = await connect(users.teamMember.id);
    const slow = await connect(users.manager.id);
    await Promise.all([lead.synced, member.synced, slow.synced]);
    await waitFor(() => setup.server.realtime.stats().connections === 3, "three connections");

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
    await waitFor(
      () => setup.server.realtime.stats().connections === 2,
      "the slow client to be closed",
    );
    expect(text(slow).length).toBeLessThan(total);

    // Reading again, it reconnects and catches up from the setup.server.
    socket.resume();
    await waitFor(() => text(slow).length === total, "the slow client to catch up", 60_000);
    expect(text(slow)).toBe(text(lead));
  }, 180_000);
});
