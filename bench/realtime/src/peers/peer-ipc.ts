import { performance } from "node:perf_hooks";
import type {
  PeerReplyMessage,
  PeerRequest,
  PeerRequestMessage,
  ProcessSample,
} from "./peer-protocol";

function send(message: PeerReplyMessage): void {
  process.send?.(message);
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function sample(gc: boolean): ProcessSample {
  if (gc) globalThis.gc?.();
  return { at: performance.now(), cpu: process.cpuUsage(), memory: process.memoryUsage() };
}

/**
 * The child side of a peer server: says it listens, then answers samples of
 * its own CPU and memory and a request to close, as the Teamaround child does.
 */
export function servePeer(port: number, storage: string, close: () => Promise<void>): void {
  let closing: Promise<void> | null = null;
  const closeOnce = () => {
    closing ??= close();
    return closing;
  };
  const answer = async (request: PeerRequest): Promise<unknown> => {
    if (request.type === "sample") return sample(request.gc);
    await closeOnce();
    return null;
  };
  process.on("message", (message: PeerRequestMessage) => {
    answer(message.request).then(
      (value) => send({ kind: "reply", id: message.id, ok: true, value }),
      (error: unknown) =>
        send({ kind: "reply", id: message.id, ok: false, error: describe(error) }),
    );
  });
  process.on("disconnect", () => void closeOnce().finally(() => process.exit(0)));
  send({ kind: "ready", port, storage });
}
