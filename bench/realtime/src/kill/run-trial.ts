import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Editor } from "../clients/editor";
import { startEditing } from "../compare/traffic";
import type { BenchRoom } from "../protocol";
import { AckRecorder, editIdsIn } from "./ack-recorder";
import type { KillableServer } from "./killable-server";

export interface TrialOptions {
  /** Edits per second per client. */
  rate: number;
  /** The kill comes at a uniformly random time in this range after the editing starts (s). */
  killAfter: [number, number];
}

export interface TrialResult {
  killAfterMs: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged edits the restarted server did not have (before any old client came back). */
  lost: number;
  /** Acknowledged edits still missing once the original clients had reconnected and re-synced. */
  missingAfterReconnect: number;
}

function editorsFor(server: KillableServer, room: BenchRoom, recorder: AckRecorder | null) {
  const users = recorder ? room.users : room.users.slice(0, 1);
  return users.map(
    (user) =>
      new Editor({
        url: `ws://127.0.0.1:${server.port}/yjs`,
        documentName: room.documentName,
        user,
        recorder,
        peers: room.users.length - 1,
        framing: server.framing,
      }),
  );
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a fresh client reads from the server: the ids in the document a second
 * after its sync. y-websocket-server answers a new client before its LevelDB
 * state has loaded and sends that state as an update when it has; the second
 * lets it arrive, so a late load is not counted as a loss.
 */
async function storedIds(server: KillableServer, room: BenchRoom): Promise<Set<number>> {
  const [reader] = editorsFor(server, room, null);
  if (!reader) throw new Error("a room without people");
  try {
    await within(reader.synced, 30_000, "a fresh client's sync after the restart");
    await sleep(1000);
    return editIdsIn(reader.doc);
  } finally {
    reader.destroy();
  }
}

/**
 * One trial, the server running: every client of the room edits steadily;
 * at a random moment the server is killed with SIGKILL; the clients are held
 * offline while it restarts on the same storage and a fresh client reads
 * what it serves; then the clients reconnect and re-sync.
 */
export async function runTrial(
  server: KillableServer,
  room: BenchRoom,
  options: TrialOptions,
): Promise<TrialResult> {
  const recorder = new AckRecorder();
  const editors = editorsFor(server, room, recorder);
  try {
    await within(Promise.all(editors.map((e) => e.synced)), 30_000, "the clients' sync");
    const [min, max] = options.killAfter;
    const killAfterMs = (min + Math.random() * (max - min)) * 1000;
    const stop = startEditing(editors, options.rate);
    await sleep(killAfterMs);
    await server.kill();
    stop();
    // Nothing arrives from a dead server: what was received is all that was acknowledged.
    const acknowledged = new Set(recorder.acknowledged);
    for (const editor of editors) editor.provider.disconnect();
    await server.start();
    const stored = await storedIds(server, room);
    let lost = 0;
    for (const id of acknowledged) if (!stored.has(id)) lost++;
    for (const editor of editors) editor.provider.connect();
    const deadline = performance.now() + 30_000;
    let missingAfterReconnect = acknowledged.size;
    while (performance.now() < deadline) {
      await sleep(500);
      const now = await storedIds(server, room);
      missingAfterReconnect = [...acknowledged].filter((id) => !now.has(id)).length;
      if (missingAfterReconnect === 0) break;
    }
    return {
      killAfterMs,
      sent: recorder.sentIds.size,
      acknowledged: acknowledged.size,
      lost,
      missingAfterReconnect,
    };
  } finally {
    for (const editor of editors) editor.destroy();
  }
}
