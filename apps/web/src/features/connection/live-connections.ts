import { useSyncExternalStore } from "react";

/**
 * Every live connection of this page (a Yjs document provider, the meeting
 * socket) reports here how it is, so one banner can say so; and registers how
 * to close it, so signing out closes them all. Memory only.
 */
export type LiveStatus = "connecting" | "connected" | "reconnecting";

/** A connection the server refused or closed for good: reconnecting cannot help. */
export interface Refusal {
  familyId: string | null;
  message: string;
}

export interface LiveSnapshot {
  /** Some connection that was up has gone and is being retried. */
  reconnecting: boolean;
  /** Some document holds edits the server has not said are stored, for a while now. */
  unsaved: boolean;
  refusals: Refusal[];
}

interface Entry {
  status: LiveStatus;
  unsaved?: boolean;
  /** Whether it was connected once: only then is a lost connection "reconnecting". */
  wasConnected: boolean;
}

const entries = new Map<string, Entry>();
const disposers = new Set<() => void>();
const listeners = new Set<() => void>();
let refusals: Refusal[] = [];
let snapshot: LiveSnapshot = { reconnecting: false, unsaved: false, refusals };
let nextId = 0;

function publish() {
  const reconnecting = [...entries.values()].some(
    (e) => e.wasConnected && e.status !== "connected",
  );
  const unsaved = [...entries.values()].some((e) => e.unsaved === true);
  if (
    reconnecting !== snapshot.reconnecting ||
    unsaved !== snapshot.unsaved ||
    refusals !== snapshot.refusals
  ) {
    snapshot = { reconnecting, unsaved, refusals };
    for (const listener of listeners) listener();
  }
}

/** A new id for a connection's reports. */
export function connectionId(prefix: string): string {
  nextId += 1;
  return `${prefix}#${nextId}`;
}

export function reportStatus(id: string, status: LiveStatus): void {
  const entry = entries.get(id) ?? { status, wasConnected: false };
  entries.set(id, { ...entry, status, wasConnected: entry.wasConnected || status === "connected" });
  publish();
}

/** A document's edits are (or are no longer) waiting, for a while, for the server to store them. */
export function reportUnsaved(id: string, unsaved: boolean): void {
  const entry = entries.get(id);
  if (!entry || entry.unsaved === unsaved) return;
  entries.set(id, { ...entry, unsaved });
  publish();
}

/** The connection has gone on purpose (page left, refused): it is no longer retried. */
export function forgetConnection(id: string): void {
  entries.delete(id);
  publish();
}

export function reportRefusal(refusal: Refusal): void {
  if (refusals.some((r) => r.message === refusal.message && r.familyId === refusal.familyId)) {
    return;
  }
  refusals = [...refusals, refusal];
  publish();
}

/** Forgets refusals already shown (after the person moves to another page). */
export function clearRefusals(): void {
  if (refusals.length === 0) return;
  refusals = [];
  publish();
}

/** Registers how to close a live connection; answers how to unregister it. */
export function registerLive(dispose: () => void): () => void {
  disposers.add(dispose);
  return () => {
    disposers.delete(dispose);
  };
}

/** Closes every live connection at once (signing out, losing the session). */
export function closeAllLive(): void {
  for (const dispose of [...disposers]) dispose();
  disposers.clear();
  entries.clear();
  refusals = [];
  publish();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The current state, outside React. */
export function liveSnapshot(): LiveSnapshot {
  return snapshot;
}

export function useLiveConnections(): LiveSnapshot {
  return useSyncExternalStore(subscribe, liveSnapshot);
}

/** The refusal for one family, if its live connections were closed for good. */
export function useFamilyRefusal(familyId: string): Refusal | undefined {
  const { refusals: current } = useLiveConnections();
  return current.find((r) => r.familyId === familyId || r.familyId === null);
}
