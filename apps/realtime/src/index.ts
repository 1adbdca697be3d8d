export type { Presence } from "./collab/awareness";
export { defaultLimits, type RealtimeLimits } from "./collab/limits";
export { type DocumentRelay, inProcessRelay } from "./collab/relay";
export {
  type ConnectionFilter,
  createRealtime,
  type Realtime,
  type RealtimeConfig,
  type RealtimeDeps,
  type RealtimeStats,
} from "./create-realtime";
