import type { EventLoopUtilization } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { bundleEntry } from "../bundle-entry";
import type { BenchRoom } from "../protocol";
import type {
  GeneratorInput,
  GeneratorMessage,
  GeneratorRequest,
  GeneratorResults,
  RecordedFanOut,
} from "./generator-protocol";

const threadEntry = fileURLToPath(new URL("./generator-thread.ts", import.meta.url));

/**
 * The load generator spread over worker threads, each with a share of the
 * rooms (round robin). One thread saturates at about 2,000 clients, and its
 * queueing then shows up as fan-out latency the server did not cause; more
 * threads help only where there are cores to spare (on 2 cores they took the
 * server's CPU and made every figure worse).
 */
export class GeneratorPool {
  private readonly threads: Thread[];
  private readonly progress: number[];
  private closing: Promise<void> | null = null;

  /** Bundles the thread's code (workers do not inherit tsx's loader), then starts the threads. */
  static async start(
    input: { port: number; rooms: readonly BenchRoom[]; meetings: boolean },
    threads: number,
  ): Promise<GeneratorPool> {
    return new GeneratorPool(await bundleEntry(threadEntry), input, threads);
  }

  private constructor(
    entry: string,
    input: { port: number; rooms: readonly BenchRoom[]; meetings: boolean },
    threads: number,
  ) {
    const count = Math.max(1, Math.min(threads, input.rooms.length));
    const shares = Array.from({ length: count }, (_, share) =>
      input.rooms.filter((_room, i) => i % count === share),
    );
    this.progress = shares.map(() => 0);
    this.threads = shares.map(
      (rooms, i) =>
        new Thread(
          entry,
          { port: input.port, rooms, meetings: input.meetings, framing: "y-websocket" },
          (connected) => {
            this.progress[i] = connected;
          },
        ),
    );
  }

  /** Connects every thread's rooms; `onProgress` hears the total now and then. */
  async connect(onProgress: (connected: number) => void): Promise<void> {
    const timer = setInterval(() => onProgress(this.connected()), 1000);
    try {
      await this.all({ type: "connect" });
    } finally {
      clearInterval(timer);
    }
    onProgress(this.connected());
  }

  traffic(rate: number, chatIntervalSeconds: number): Promise<unknown> {
    return this.all({ type: "traffic", rate, chatIntervalSeconds });
  }

  measure(on: boolean): Promise<unknown> {
    return this.all({ type: "measure", on });
  }

  /** Stops the traffic, waits (at most `drainMs`) for the last receipts, and merges the threads' figures. */
  async stop(drainMs: number): Promise<GeneratorResults> {
    const results = (await this.all({ type: "stop", drainMs })) as GeneratorResults[];
    return {
      edits: merged(results.map((r) => r.edits)),
      chat: merged(results.map((r) => r.chat)),
      health: {
        unexpectedCloses: sum(results.map((r) => r.health.unexpectedCloses)),
        chatFailures: sum(results.map((r) => r.health.chatFailures)),
        meetingDisconnects: sum(results.map((r) => r.health.meetingDisconnects)),
        meetingTroubles: results.reduce<Record<string, number>>((all, r) => {
          for (const [reason, n] of Object.entries(r.health.meetingTroubles)) {
            all[reason] = (all[reason] ?? 0) + n;
          }
          return all;
        }, {}),
      },
    };
  }

  /** Each thread's event-loop use so far, to compare against later with `busiestSince`. */
  loopMark(): EventLoopUtilization[] {
    return this.threads.map((t) => t.worker.performance.eventLoopUtilization());
  }

  /** The busiest thread's event-loop use since `marks` (0–1). */
  busiestSince(marks: EventLoopUtilization[]): number {
    return Math.max(
      ...this.threads.map(
        (t, i) => t.worker.performance.eventLoopUtilization(marks[i]).utilization,
      ),
    );
  }

  /** Closes every client and ends the threads; a second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled(this.threads.map((t) => t.request({ type: "close" })));
      await Promise.all(this.threads.map((t) => t.worker.terminate()));
    })();
    return this.closing;
  }

  private connected(): number {
    return sum(this.progress);
  }

  private all(request: GeneratorRequest): Promise<unknown[]> {
    return Promise.all(this.threads.map((t) => t.request(request)));
  }
}

class Thread {
  readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();

  constructor(entry: string, input: GeneratorInput, onProgress: (connected: number) => void) {
    this.worker = new Worker(entry, { workerData: input });
    this.worker.on("message", (message: GeneratorMessage) => {
      if (message.kind === "progress") return onProgress(message.connected);
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(`generator thread: ${message.error}`));
    });
    const fail = (error: Error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`generator thread exited (code ${code})`)));
  }

  request(request: GeneratorRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function merged(parts: RecordedFanOut[]): RecordedFanOut {
  const latencies = new Float64Array(sum(parts.map((p) => p.latencies.length)));
  let offset = 0;
  for (const part of parts) {
    latencies.set(part.latencies, offset);
    offset += part.latencies.length;
  }
  return {
    sentMeasured: sum(parts.map((p) => p.sentMeasured)),
    delivered: sum(parts.map((p) => p.delivered)),
    missing: sum(parts.map((p) => p.missing)),
    latencies,
  };
}
