import { realtimeMessageStored } from "@teamaround/domain";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { type Client, connectClient } from "./test-realtime";

export interface AckedClient extends Client {
  /** Highest clock of this client's own updates the server said are stored. */
  acked(): number;
  /** This client's own clock: everything it typed. */
  typed(): number;
}

/**
 * A stock y-websocket client that asks for the server's "stored"
 * acknowledgements (`?stored=1`), as the web client does, and keeps the
 * highest one for its own client id.
 */
export function connectAckedClient(url: string, documentName: string, cookie: string): AckedClient {
  const client = connectClient(url, documentName, cookie, { params: { stored: "1" } });
  let acked = 0;
  client.provider.messageHandlers[realtimeMessageStored] = (_encoder, decoder) => {
    const stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    acked = Math.max(acked, stored.get(client.doc.clientID) ?? 0);
  };
  return {
    ...client,
    acked: () => acked,
    typed: () => Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0,
  };
}
