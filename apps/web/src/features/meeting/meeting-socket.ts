import type { AckResult, ClientToServerEvents, ServerToClientEvents } from "@teamaround/domain";
import { io, type Socket } from "socket.io-client";

export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A Socket.io connection to the meeting server on this page's own origin:
 * WebSocket only (the server offers nothing else), the session cookie sent by
 * the browser with the handshake, reconnecting by itself after a drop.
 */
export function connectMeetingSocket(
  origin: string = globalThis.location.origin,
  options: { ownConnection?: boolean } = {},
): MeetingSocket {
  return io(origin, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 2500,
    // A connection of its own, which closing this socket closes whatever else is open.
    forceNew: options.ownConnection ?? false,
  });
}

/** Why an acknowledgement failed, in words; a timeout reads as a lost connection. */
export class MeetingActionError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const ackTimeoutMs = 10_000;

/** Sends one event and waits for its acknowledgement: its data, or a `MeetingActionError`. */
export async function send<E extends keyof ClientToServerEvents>(
  socket: MeetingSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckData<E>> {
  let result: AckResult<AckData<E>>;
  try {
    // The event maps type each ack; socket.io's generic emit cannot see through a union of events.
    const timed = socket.timeout(ackTimeoutMs);
    const emit = timed.emitWithAck.bind(timed) as unknown as (
      event: E,
      payload: unknown,
    ) => Promise<AckResult<AckData<E>>>;
    result = await emit(event, payload);
  } catch {
    throw new MeetingActionError("network", "The meeting could not be reached. Try again.");
  }
  if (!result.ok) throw new MeetingActionError(result.error.code, result.error.message);
  return result.data;
}

type AckData<E extends keyof ClientToServerEvents> = Parameters<
  ClientToServerEvents[E]
>[1] extends (result: AckResult<infer T>) => void
  ? T
  : never;
