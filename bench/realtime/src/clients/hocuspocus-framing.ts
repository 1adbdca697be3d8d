import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { type RawData, WebSocket } from "ws";

/**
 * Hocuspocus 2+ multiplexes documents on one socket: every message starts with
 * the document's name, and a connection must send an authentication message
 * before its other messages are handled. Otherwise its messages are
 * y-websocket's. This socket lets a stock y-websocket provider talk to it:
 * it adds the name (and sends the token first) on the way out and takes it
 * off on the way in — the work `@hocuspocus/provider` does in its own client,
 * done here in the load generator so the server runs exactly as shipped.
 */
const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;
const messageQueryAwareness = 3;
/** Hocuspocus's answer to sync step 1: a sync message that asks for no step 1 back. */
const messageSyncReply = 4;
const messageClose = 7;
const authToken = 0;

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function framed(documentName: string, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

type Unframed = { kind: "message"; bytes: Uint8Array } | { kind: "close" } | { kind: "skip" };

/** A Hocuspocus message as y-websocket would have sent it, or what to do instead. */
export function unframe(data: Uint8Array): Unframed {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const start = decoder.pos;
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageSync:
    case messageAwareness:
    case messageQueryAwareness:
      return { kind: "message", bytes: data.subarray(start) };
    case messageSyncReply: {
      const bytes = data.slice(start);
      bytes[0] = messageSync;
      return { kind: "message", bytes };
    }
    case messageClose:
      return { kind: "close" };
    default:
      // Authenticated, stateless messages and the per-update sync status.
      return { kind: "skip" };
  }
}

export type MessageListener = (data: Uint8Array) => void;

/**
 * A WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill`, speaking
 * Hocuspocus's framing for one document; `onMessage` sees every message as it
 * arrives (unframed), ahead of the provider.
 */
export function hocuspocusSocket(
  documentName: string,
  headers: Record<string, string>,
  onMessage: MessageListener | null,
): typeof globalThis.WebSocket {
  class HocuspocusSocket {
    static readonly CONNECTING = WebSocket.CONNECTING;
    static readonly OPEN = WebSocket.OPEN;
    static readonly CLOSING = WebSocket.CLOSING;
    static readonly CLOSED = WebSocket.CLOSED;
    readonly CONNECTING = WebSocket.CONNECTING;
    readonly OPEN = WebSocket.OPEN;
    readonly CLOSING = WebSocket.CLOSING;
    readonly CLOSED = WebSocket.CLOSED;
    binaryType = "arraybuffer";
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: Uint8Array }) => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    private readonly socket: WebSocket;

    constructor(address: string) {
      this.socket = new WebSocket(address, { headers });
      this.socket.on("open", () => {
        this.socket.send(
          framed(documentName, (encoder) => {
            encoding.writeVarUint(encoder, messageAuth);
            encoding.writeVarUint(encoder, authToken);
            encoding.writeVarString(encoder, "bench");
          }),
        );
        this.onopen?.({});
      });
      this.socket.on("message", (data: RawData) => {
        const message = unframe(bytesOf(data));
        if (message.kind === "close") this.socket.close();
        if (message.kind !== "message") return;
        onMessage?.(message.bytes);
        this.onmessage?.({ data: message.bytes });
      });
      this.socket.on("close", (code: number, reason: Buffer) =>
        this.onclose?.({ code, reason: reason.toString() }),
      );
      this.socket.on("error", (error: Error) => this.onerror?.(error));
    }

    get readyState(): number {
      return this.socket.readyState;
    }

    send(data: Uint8Array): void {
      this.socket.send(framed(documentName, (encoder) => encoding.writeUint8Array(encoder, data)));
    }

    close(): void {
      this.socket.close();
    }
  }
  return HocuspocusSocket as unknown as typeof globalThis.WebSocket;
}
