import type { Framing } from "../clients/editor";
import type { BenchRoom } from "../protocol";
import type { ClientHealth } from "../report";

/** What one load-generator thread is given: its share of the rooms. */
export interface GeneratorInput {
  port: number;
  rooms: BenchRoom[];
  meetings: boolean;
  framing: Framing;
}

export type GeneratorRequest =
  | { type: "connect" }
  | { type: "traffic"; rate: number; chatIntervalSeconds: number }
  | { type: "measure"; on: boolean }
  | { type: "stop"; drainMs: number }
  | { type: "close" };

/** One recorder's figures, copied out of the thread that recorded them. */
export interface RecordedFanOut {
  sentMeasured: number;
  delivered: number;
  missing: number;
  latencies: Float64Array;
}

export interface GeneratorResults {
  edits: RecordedFanOut;
  chat: RecordedFanOut;
  health: ClientHealth;
}

export type GeneratorMessage =
  | { kind: "progress"; connected: number }
  | { kind: "reply"; id: number; ok: true; value: unknown }
  | { kind: "reply"; id: number; ok: false; error: string };
