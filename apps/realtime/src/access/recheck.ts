import {
  lastSeenRefreshMs,
  loadSessionStates,
  type SessionPolicy,
  type SessionState,
  touchSessions,
} from "@teamaround/auth";
import { accessKey, type Database, getFamilyAccesses } from "@teamaround/db";
import {
  type Actor,
  can,
  canInMeeting,
  documentAccess,
  realtimeCloseCodes,
  revocationReasons,
} from "@teamaround/domain";
import type { Logger } from "pino";
import type { CollabServer } from "../collab/collab-server";
import type { Connection } from "../collab/connection";
import { confirmMeetingAccess } from "../meetings/access-cache";
import type { MeetingServer } from "../meetings/create-meeting-server";
import type { MeetingSocket } from "../meetings/meeting-context";
import {
  familiesOf,
  localMeetingSockets,
  meetingFamiliesOf,
  revokeSocket,
  sessionIdOf,
} from "./meeting-sockets";

export interface RecheckDeps {
  db: Database;
  logger: Logger;
  sessionPolicy: SessionPolicy;
  now: () => Date;
  collab: CollabServer;
  meetings: MeetingServer;
}

export interface RecheckStats {
  runs: number;
  /** Connections (Yjs and meeting sockets) looked at by the last run. */
  lastChecked: number;
  lastDurationMs: number;
  maxDurationMs: number;
  totalDurationMs: number;
  /** Connections closed by re-checks since start. */
  closed: number;
}

const sessionEnded = "Your session has ended. Please sign in again.";

/**
 * The safety net under the access events, which can be lost: every open
 * connection of this node is re-checked on a timer, in two queries whatever
 * their number — one for the sessions, one for the (person, family) pairs —
 * against the same sign-in rule as the handshakes (`sessionSignsIn`) and the
 * domain policy. A connection
 * that fails is closed with a reason; a Yjs connection whose level changed
 * (a case closed or reopened) takes the new level in place.
 */
export class AccessRecheck {
  readonly stats: RecheckStats = {
    runs: 0,
    lastChecked: 0,
    lastDurationMs: 0,
    maxDurationMs: 0,
    totalDurationMs: 0,
    closed: 0,
  };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: RecheckDeps,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.logger.error({ err: error }, "access re-check failed"))
        .finally(() => {
          this.running = null;
          this.start();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every connection; answers how many were closed. */
  async runOnce(): Promise<number> {
    const started = performance.now();
    const documents = this.deps.collab.admittedConnections();
    const sockets = localMeetingSockets(this.deps.meetings);
    let closed = 0;
    if (documents.length + sockets.length > 0) closed = await this.check(documents, sockets);
    const duration = performance.now() - started;
    const { stats } = this;
    stats.runs++;
    stats.lastChecked = documents.length + sockets.length;
    stats.lastDurationMs = duration;
    stats.maxDurationMs = Math.max(stats.maxDurationMs, duration);
    stats.totalDurationMs += duration;
    stats.closed += closed;
    return closed;
  }

  private async check(documents: Connection[], sockets: MeetingSocket[]): Promise<number> {
    const { db, sessionPolicy } = this.deps;
    // Each socket's families as they are now: a family joined while the pass
    // waits for the database was checked live by that join, and is not judged
    // by this pass (its access was not read: judging it would revoke a person
    // who just joined, which the benchmark met at 200 rooms).
    const queried = new Map(sockets.map((s) => [s, familiesOf(s)]));
    const now = this.deps.now();
    const ids = new Set<string>();
    for (const c of documents) if (c.principal) ids.add(c.principal.sessionId);
    for (const s of sockets) ids.add(sessionIdOf(s) ?? "");
    ids.delete("");
    const states = await loadSessionStates(db, [...ids], sessionPolicy, now);
    const live = (id: string | null | undefined) => {
      const state = id ? states.get(id) : undefined;
      return state?.state === "signed_in" ? state : null;
    };
    const actors = new Map<string, Actor>();
    for (const state of states.values())
      if (state.state === "signed_in") actors.set(state.actor.userId, state.actor);
    const pairs = [
      ...documents.flatMap((c) =>
        c.principal
          ? [{ userId: c.principal.actor.userId, familyId: c.principal.document.familyId }]
          : [],
      ),
      ...sockets.flatMap((s) =>
        [...(queried.get(s) ?? [])].map((familyId) => ({ userId: s.data.actor.userId, familyId })),
      ),
    ].filter((pair) => actors.has(pair.userId));
    const accesses = await getFamilyAccesses(db, actors, pairs);
    let closed = this.checkDocuments(documents, live, accesses);
    closed += this.checkSockets(sockets, queried, live, accesses, now.getTime());
    await this.touchWriters(documents, live, now);
    return closed;
  }

  private checkDocuments(
    documents: Connection[],
    live: (id: string | undefined) => SessionState | null,
    accesses: Map<string, Parameters<typeof documentAccess>[0]>,
  ): number {
    let closed = 0;
    for (const connection of documents) {
      const principal = connection.principal;
      if (!principal || connection.isClosed()) continue;
      if (!live(principal.sessionId)) {
        connection.close(realtimeCloseCodes.notSignedIn, sessionEnded);
        closed++;
        continue;
      }
      const access = accesses.get(accessKey(principal.actor.userId, principal.document.familyId));
      const level = access ? documentAccess(access, principal.document.kind) : "none";
      if (!access || level === "none") {
        connection.close(realtimeCloseCodes.forbidden, revocationReasons.accessEnded);
        closed++;
      } else {
        principal.access = access;
        principal.level = level;
      }
    }
    return closed;
  }

  private checkSockets(
    sockets: MeetingSocket[],
    queried: ReadonlyMap<MeetingSocket, ReadonlySet<string>>,
    live: (id: string | null) => SessionState | null,
    accesses: Map<string, Parameters<typeof can>[0]>,
    now: number,
  ): number {
    let closed = 0;
    for (const socket of sockets) {
      if (socket.disconnected) continue;
      if (!live(sessionIdOf(socket))) {
        revokeSocket(socket, sessionEnded, null);
        closed++;
        continue;
      }
      const userId = socket.data.actor.userId;
      const inMeetings = meetingFamiliesOf(socket);
      const meetingsOf = (familyId: string) =>
        Object.entries(socket.data.meetings ?? {})
          .filter(([, joined]) => joined.familyId === familyId)
          .map(([meetingId]) => meetingId);
      // In a family's meeting: may still join it; watching the family: may still read it.
      const judged = queried.get(socket) ?? new Set<string>();
      const lost = [...judged].find((familyId) => {
        const access = accesses.get(accessKey(userId, familyId));
        if (!access) return true;
        // Judged per meeting: a guest's invitation names one (`canInMeeting`).
        return inMeetings.has(familyId)
          ? meetingsOf(familyId).some((meetingId) => !canInMeeting(access, meetingId, "join"))
          : !can(access, "family", "read");
      });
      if (lost) {
        revokeSocket(socket, revocationReasons.accessEnded, lost);
        closed++;
        continue;
      }
      for (const familyId of judged) {
        if (!inMeetings.has(familyId)) continue;
        const access = accesses.get(accessKey(userId, familyId));
        if (access) confirmMeetingAccess(socket, familyId, access, now);
      }
    }
    return closed;
  }

  /** Sessions whose connections wrote since the last run stay alive, refreshed at most once a minute. */
  private async touchWriters(
    documents: Connection[],
    live: (id: string | undefined) => SessionState | null,
    now: Date,
  ): Promise<void> {
    const due = new Set<string>();
    for (const connection of documents) {
      if (!connection.wroteSinceCheck || connection.isClosed()) continue;
      connection.wroteSinceCheck = false;
      const state = live(connection.principal?.sessionId);
      if (state && now.getTime() - state.lastSeenAt.getTime() > lastSeenRefreshMs)
        due.add(state.id);
    }
    if (due.size > 0) await touchSessions(this.deps.db, [...due], now);
  }
}
