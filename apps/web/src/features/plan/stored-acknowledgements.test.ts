import { realtimeMessageStored } from "@teamaround/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { unsavedAfterMs, watchStoredAcknowledgements } from "./stored-acknowledgements";

afterEach(() => {
  vi.useRealTimers();
});

/** The server's message after its type: a state vector as lib0's varUint8Array. */
function ackOf(clientId: number, clock: number) {
  const vector = Y.encodeStateVector(new Map([[clientId, clock]]));
  return { arr: Uint8Array.from([vector.length, ...vector]), pos: 0 };
}

describe("the stored acknowledgements", () => {
  it("say 'not saved' only after an edit waited, and clear once it is stored", () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const provider = { messageHandlers: [] } as unknown as WebsocketProvider;
    const changes: boolean[] = [];
    const stop = watchStoredAcknowledgements(provider, doc, (unsaved) => changes.push(unsaved));
    const handle = provider.messageHandlers[realtimeMessageStored] as unknown as (
      e: unknown,
      d: { arr: Uint8Array; pos: number },
    ) => void;

    doc.getText("t").insert(0, "abc");
    vi.advanceTimersByTime(unsavedAfterMs - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([true]);
    handle(null, ackOf(doc.clientID, 2));
    expect(changes).toEqual([true]);
    handle(null, ackOf(doc.clientID, 3));
    expect(changes).toEqual([true, false]);

    // Stored in time: nothing to say.
    doc.getText("t").insert(0, "d");
    handle(null, ackOf(doc.clientID, 4));
    vi.advanceTimersByTime(unsavedAfterMs * 2);
    expect(changes).toEqual([true, false]);
    stop();
  });
});
