import { realtimeMessageStored } from "@teamaround/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/** The y-websocket protocol's message types (first varUint of every message). */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;
/** Ours: "your updates are stored up to this state vector" (`?stored=1` clients only). */
export const messageStored = realtimeMessageStored;

/** Sync sub-messages (second varUint of a sync message). */
export const syncStep1 = 0;
export const syncStep2 = 1;
export const syncUpdate = 2;

/** One message from a client, decoded and checked for shape (not yet for meaning). */
export type ClientMessage =
  | { kind: "sync-step-1"; stateVector: Uint8Array }
  | { kind: "sync-step-2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

/** A message that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {
  override name = "ProtocolError";
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError("truncated message");
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const type = readType(decoder);
  const payload = readPayload(decoder);
  switch (type) {
    case syncStep1:
      try {
        Y.decodeStateVector(payload);
      } catch {
        throw new ProtocolError("malformed state vector");
      }
      return { kind: "sync-step-1", stateVector: payload };
    case syncStep2:
      return { kind: "sync-step-2", update: payload };
    case syncUpdate:
      return { kind: "update", update: payload };
    default:
      throw new ProtocolError("unknown sync message type");
  }
}

function readType(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError("truncated message");
  }
}

/**
 * Decodes one client message defensively: every read is bounds-checked, an
 * unknown type or trailing bytes are refused. Throws `ProtocolError`.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = readType(decoder);
  let message: ClientMessage;
  switch (type) {
    case messageSync:
      message = readSync(decoder);
      break;
    case messageAwareness:
      message = { kind: "awareness", update: readPayload(decoder) };
      break;
    case messageQueryAwareness:
      message = { kind: "query-awareness" };
      break;
    default:
      throw new ProtocolError("unknown message type");
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes after the message");
  return message;
}

function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc) => encodeSync(syncStep1, Y.encodeStateVector(doc));
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(syncStep2, update);
export const encodeUpdate = (update: Uint8Array) => encodeSync(syncUpdate, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An update that changes nothing: no structs and an empty delete set. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export function encodeStored(stored: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageStored);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(stored));
  return encoding.toUint8Array(encoder);
}
