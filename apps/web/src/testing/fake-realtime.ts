import type { AckResult } from "@teamaround/domain";

type Handler = (...args: unknown[]) => void;

/**
 * Stands in for realtime (a third party to the web client) behind
 * `socket.io-client`'s `io()`. By default it is not there: sockets never
 * connect. A test that needs it sets `fakeRealtime.answer` (realtime's
 * acknowledgements, by event) and `autoConnect`, then pushes server events
 * to the sockets pages opened.
 */
export class FakeSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  // The Manager: a connection of the socket's own never opens here.
  readonly io = { reconnection: () => undefined, engine: undefined };
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler) {
    const set = this.handlers.get(event) ?? new Set();
    this.handlers.set(event, set.add(handler));
    return this;
  }

  off(event: string, handler?: Handler) {
    if (handler) this.handlers.get(event)?.delete(handler);
    else this.handlers.delete(event);
    return this;
  }

  emit() {
    return this;
  }

  connect() {
    return this;
  }

  disconnect() {
    this.connected = false;
    return this;
  }

  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown): Promise<AckResult<unknown>> => {
        this.sent.push({ event, payload });
        const answer = fakeRealtime.answer(event, payload);
        if (!answer) throw new Error("operation has timed out");
        return answer;
      },
    };
  }

  /** As realtime: the connection opens. */
  open() {
    this.connected = true;
    this.push("connect");
  }

  /** As realtime: a server event reaches this socket. */
  push(event: string, ...args: unknown[]) {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

export const fakeRealtime = {
  sockets: [] as FakeSocket[],
  autoConnect: false,
  /** Realtime's acknowledgement of a client event; undefined: none (it times out). */
  answer: (_event: string, _payload: unknown): AckResult<unknown> | undefined => undefined,
  reset() {
    this.sockets = [];
    this.autoConnect = false;
    this.answer = () => undefined;
  },
};

/** `io()` of `socket.io-client`, for the test setup's mock. */
export function connectFake(): FakeSocket {
  const socket = new FakeSocket();
  fakeRealtime.sockets.push(socket);
  if (fakeRealtime.autoConnect) setTimeout(() => socket.open(), 0);
  return socket;
}
