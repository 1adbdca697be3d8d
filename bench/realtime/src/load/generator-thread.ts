import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import type {
  GeneratorInput,
  GeneratorMessage,
  GeneratorRequest,
  GeneratorResults,
  RecordedFanOut,
} from "./generator-protocol";
import { FanOutRecorder } from "./latency";
import { type ConnectedRoom, closeRooms, connectRooms, healthOf, type Recorders } from "./rooms";
import { startTraffic } from "./run-load";

/**
 * One thread of the load generator: its own rooms, clients and event loop,
 * so one saturated loop does not queue every client's receipts. Each room's
 * clients live in one thread, so a latency is always read on one clock.
 */
const input = workerData as GeneratorInput;
const port = parentPort;
if (!port) throw new Error("generator-thread runs as a worker thread");

const recorders: Recorders = { edits: new FanOutRecorder(), chat: new FanOutRecorder() };
let connected: ConnectedRoom[] = [];
let stops: (() => void)[] = [];

const post = (message: GeneratorMessage) => port.postMessage(message);

function recorded(recorder: FanOutRecorder): RecordedFanOut {
  return {
    sentMeasured: recorder.sentMeasured,
    delivered: recorder.delivered(),
    missing: recorder.missing(),
    latencies: Float64Array.from(recorder.latencies()),
  };
}

async function answer(request: GeneratorRequest): Promise<unknown> {
  switch (request.type) {
    case "connect":
      connected = await connectRooms(
        input.port,
        input.rooms,
        recorders,
        input.meetings,
        (n) => post({ kind: "progress", connected: n }),
        input.framing,
      );
      return connected.length;
    case "traffic":
      stops = startTraffic(connected, request);
      return null;
    case "measure":
      recorders.edits.measuring = request.on;
      recorders.chat.measuring = request.on;
      return null;
    case "stop": {
      for (const stop of stops.splice(0)) stop();
      const deadline = performance.now() + request.drainMs;
      while (recorders.edits.missing() + recorders.chat.missing() > 0) {
        if (performance.now() > deadline) break;
        await sleep(20);
      }
      const results: GeneratorResults = {
        edits: recorded(recorders.edits),
        chat: recorded(recorders.chat),
        health: healthOf(connected),
      };
      return results;
    }
    case "close":
      for (const stop of stops.splice(0)) stop();
      closeRooms(connected);
      connected = [];
      return null;
  }
}

port.on("message", ({ id, request }: { id: number; request: GeneratorRequest }) => {
  answer(request).then(
    (value) => post({ kind: "reply", id, ok: true, value }),
    (error: unknown) =>
      post({
        kind: "reply",
        id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
