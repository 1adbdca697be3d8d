import { randomUUID } from "node:crypto";
import type { Framing } from "../clients/editor";
import { type PeerKind, startPeerProcess } from "../peers/peer-process";
import type { ProcessSample, ServerKind } from "../peers/peer-protocol";
import { type ScratchStorage, scratchDatabase, scratchDirectory } from "../peers/scratch-storage";
import type { BenchRoom } from "../protocol";
import { startServerProcess } from "../server-process";

/** One server under test, running in its own child process on fresh storage. */
export interface ServerUnderTest {
  kind: ServerKind;
  port: number;
  pid: number;
  framing: Framing;
  /** What it stores to, in words. */
  storage: string;
  /** Rooms the clients may open: Teamaround's seeded (families, sessions); the peers' just names. */
  seed(rooms: number, clients: number): Promise<BenchRoom[]>;
  sample(gc: boolean): Promise<ProcessSample>;
  /** Stops the server and deletes its storage. */
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  unloadDelayMs: number;
}

async function startTeamaround(options: StartOptions): Promise<ServerUnderTest> {
  // The child makes (and drops) a fresh database on the server DATABASE_URL names.
  process.env.DATABASE_URL = options.databaseUrl;
  const server = await startServerProcess({ unloadDelayMs: options.unloadDelayMs });
  return {
    kind: "teamaround",
    port: server.port,
    pid: server.pid,
    framing: "y-websocket",
    storage: "PostgreSQL (fresh database), every update stored in a group commit before relay",
    seed: (rooms, clients) => server.request({ type: "seedRooms", rooms, clients }),
    sample: (gc) => server.request({ type: "sample", gc }),
    stop: () => server.stop(),
  };
}

/** Rooms for a server without sign-in: a document name and as many people. */
function namedRooms(rooms: number, clients: number): BenchRoom[] {
  return Array.from({ length: rooms }, () => {
    const id = randomUUID();
    return {
      familyId: id,
      documentName: `plan:${id}`,
      meetingId: "",
      users: Array.from({ length: clients }, () => ({ userId: randomUUID(), cookie: "" })),
    };
  });
}

/** Starts a peer on `storage` (made by the caller, who also removes it). */
export async function startPeerOn(
  kind: PeerKind,
  storage: ScratchStorage,
  extraEnv: Record<string, string> = {},
) {
  const env: Record<string, string> =
    kind === "hocuspocus"
      ? { PEER_DATABASE_URL: storage.location }
      : { YPERSISTENCE: storage.location };
  return startPeerProcess(kind, { ...env, ...extraEnv });
}

/** Fresh storage for a peer: a PostgreSQL database for Hocuspocus, a directory for LevelDB. */
export function peerStorage(kind: PeerKind, databaseUrl: string): Promise<ScratchStorage> {
  return kind === "hocuspocus"
    ? scratchDatabase(databaseUrl, "teamaround_bench_hocuspocus")
    : scratchDirectory("teamaround-bench-leveldb");
}

async function startPeer(kind: PeerKind, options: StartOptions): Promise<ServerUnderTest> {
  const storage = await peerStorage(kind, options.databaseUrl);
  try {
    const peer = await startPeerOn(kind, storage);
    return {
      kind,
      port: peer.port,
      pid: peer.pid,
      framing: kind === "hocuspocus" ? "hocuspocus" : "y-websocket",
      storage: peer.storage,
      seed: async (rooms, clients) => namedRooms(rooms, clients),
      sample: (gc) => peer.sample(gc),
      async stop() {
        await peer.stop();
        await storage.remove();
      },
    };
  } catch (error) {
    await storage.remove();
    throw error;
  }
}

export function startServer(kind: ServerKind, options: StartOptions): Promise<ServerUnderTest> {
  return kind === "teamaround" ? startTeamaround(options) : startPeer(kind, options);
}
