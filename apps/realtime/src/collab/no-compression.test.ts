import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import { cookieFor, openRawSocket, waitFor } from "../testing/test-realtime";

const setup = realtimeTestSetup();

// Relayed updates are framed once and written straight to each socket
// (`Connection.sendFrame`), which is right only for uncompressed frames.
describe("a client that offers per-message compression", () => {
  it("is answered without it, and its first messages read whole", async () => {
    const server = await setup.start();
    const s = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: s.family.id });
    const raw = openRawSocket(server.url, name, await cookieFor(setup.db, s.users.lead.id));
    await raw.opened;
    expect(raw.ws.extensions).toBe("");
    await waitFor(() => raw.messages.length > 0, "the server's first message");
    // The server's sync step 1: message type 0 (sync), sub-type 0.
    expect([...(raw.messages[0] ?? []).slice(0, 2)]).toEqual([0, 0]);
    raw.ws.close();
  });
});
