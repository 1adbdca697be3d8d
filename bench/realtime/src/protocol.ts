import type { RealtimeStats } from "@teamaround/realtime";

/** The origin every bench client claims; the server is configured with it. */
export const benchOrigin = "http://bench.teamaround.test";

export interface BenchUser {
  userId: string;
  /** `Cookie` header value carrying a fully signed-in session. */
  cookie: string;
}

/** One room: a family with a live meeting, its lead first, then the team. */
export interface BenchRoom {
  familyId: string;
  documentName: string;
  meetingId: string;
  users: BenchUser[];
}

/**
 * How the historical edits were made. `typing`: ten people each typing words
 * at their own cursor, which now and then moves elsewhere, with backspaces,
 * as an editor produces them. `scattered`: every update at a random
 * position, so no two merge: the worst case for load time and snapshot size.
 */
export type HistoryShape = "typing" | "scattered";

export interface ColdDocument {
  documentName: string;
  user: BenchUser;
  shape: HistoryShape;
  updates: number;
  bytes: number;
  /** Length of the text once every update is applied, to check a load is complete. */
  textLength: number;
}

export interface StoredState {
  logRows: number;
  snapshotBytes: number | null;
}

/** What the server process reports about itself. */
export interface ServerSample {
  /** `performance.now()` of the server when sampled. */
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  /** V8's heap spaces: committed (`space_size`) against used, to see where RSS beyond the used heap sits. */
  heapSpaces: { name: string; sizeKiB: number; usedKiB: number }[];
  stats: RealtimeStats;
  /** How late timers ran since the previous sample (1 ms resolution): the loop's stalls. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Event-loop utilisation since the previous sample (0–1). */
  eventLoopUtilization: number;
  dbKind: "pglite" | "postgres";
}

export type Request =
  | { type: "seedRooms"; rooms: number; clients: number }
  | { type: "seedColdDocuments"; shape: HistoryShape; count: number; updates: number }
  | { type: "sample"; gc: boolean }
  | { type: "isLoaded"; documentName: string }
  | { type: "storedState"; documentName: string }
  | { type: "heapSnapshot"; dir: string }
  | { type: "profileStart" }
  | { type: "profileStop"; dir: string }
  | { type: "close" };

export interface ResponseOf {
  seedRooms: BenchRoom[];
  seedColdDocuments: ColdDocument[];
  sample: ServerSample;
  isLoaded: boolean;
  storedState: StoredState;
  heapSnapshot: string;
  profileStart: null;
  profileStop: string | null;
  close: null;
}

/** Parent → server child. */
export interface RequestMessage {
  id: number;
  request: Request;
}

/** Server child → parent. */
export type ReplyMessage =
  | { kind: "ready"; port: number }
  | { kind: "reply"; id: number; ok: true; value: unknown }
  | { kind: "reply"; id: number; ok: false; error: string };
