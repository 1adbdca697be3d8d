/** The servers the comparison runs, Teamaround first (the ratios are to it). */
export const serverKinds = ["teamaround", "hocuspocus", "y-websocket-server"] as const;
export type ServerKind = (typeof serverKinds)[number];

/** What a server child reports about itself over IPC. */
export interface ProcessSample {
  /** `performance.now()` of the server process when sampled. */
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
}

export type PeerRequest = { type: "sample"; gc: boolean } | { type: "close" };

/** Parent → peer child. */
export interface PeerRequestMessage {
  id: number;
  request: PeerRequest;
}

/** Peer child → parent. */
export type PeerReplyMessage =
  | { kind: "ready"; port: number; storage: string }
  | { kind: "reply"; id: number; ok: true; value: unknown }
  | { kind: "reply"; id: number; ok: false; error: string };
