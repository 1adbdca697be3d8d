import { type Presence, sanitizeAwarenessState } from "@teamaround/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ProtocolError } from "./protocol";

/**
 * What every other participant sees of a person: stamped by the server from
 * the session, never taken from the client. `name` and `color` are the
 * fields y-prosemirror's cursor plugin reads.
 */
export type { Presence } from "@teamaround/domain";

/** Colours with at least 4.5:1 contrast against white text, so names on cursors stay legible. */
const palette = [
  "#1d70b8",
  "#00703c",
  "#912b88",
  "#d4351c",
  "#28a197",
  "#4c2c92",
  "#b58840",
  "#5694ca",
  "#f499be",
  "#85994b",
  "#6f72af",
  "#a8200d",
];

/** A stable colour per user id (FNV-1a), so a person keeps their colour everywhere. */
export function colorFor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return palette[hash % palette.length] ?? "#1d70b8";
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && (typeof state !== "object" || Array.isArray(state))) {
        throw new ProtocolError("awareness state must be an object or null");
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes in awareness");
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError("malformed awareness update");
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Keeps only the entries for client ids this connection may speak for, and
 * only the fields the editor reads, with `user` overwritten by the server's
 * stamp: a malformed or unknown field is dropped before it is stored or relayed.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  presence: Presence,
  mayControl: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[] } | null {
  const entries = decodeAwarenessUpdate(update).filter((entry) => mayControl(entry.clientId));
  if (entries.length === 0) return null;
  const stamped = entries.map((entry) => ({
    ...entry,
    state: entry.state === null ? null : { ...sanitizeAwarenessState(entry.state, presence) },
  }));
  return { update: encodeAwarenessEntries(stamped), clientIds: stamped.map((e) => e.clientId) };
}
