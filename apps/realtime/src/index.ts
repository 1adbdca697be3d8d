export type { Presence } from "./collab/awareness";
export { defaultLimits, type RealtimeLimits } from "./collab/limits";
export { type DocumentRelay, inProcessRelay, type RelayReceiver } from "./collab/relay";
export { histogramBoundsMs, histogramQuantile } from "./collab/time-histogram";
export {
  type ConnectionFilter,
  createRealtime,
  defaultAccessRecheckMs,
  type Realtime,
  type RealtimeConfig,
  type RealtimeDeps,
  type RealtimeStats,
} from "./create-realtime";
export type { ScaleOutConfig } from "./scale-out";
