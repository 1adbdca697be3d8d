import { z } from "zod";

/**
 * The meeting room's audio/video call: a mesh of WebRTC peer connections,
 * signalled through the room. The server relays offers, answers and ICE
 * candidates between people in the call and never sees or stores media.
 */
export const callLimits = {
  /** A mesh sends every stream to every peer: past ten, uplinks give out (see ARCHITECTURE). */
  maxPeers: 10,
  /** A session description of a few audio and video sections is 3–10 kB. */
  sdp: 20_000,
  candidate: 1_000,
  sdpMid: 64,
  usernameFragment: 256,
  sdpMLineIndex: 255,
} as const;

const meetingId = z.uuid({ message: "meetingId must be a UUID" });
/** A call peer is one connection in the call, named by an id the server gave it at `call:join`. */
const peerId = z.uuid({ message: "peerId must be a UUID" });

/** What someone in the call shows the others about their own media. */
export const CallMedia = z.strictObject({
  muted: z.boolean(),
  cameraOff: z.boolean(),
  /** Sends and receives no video (a weak connection, or a preference). */
  audioOnly: z.boolean(),
});
export type CallMedia = z.infer<typeof CallMedia>;

export const CallJoinPayload = z.strictObject({ meetingId, ...CallMedia.shape });
export type CallJoinPayload = z.infer<typeof CallJoinPayload>;

export const CallStatePayload = z.strictObject({
  meetingId,
  ...CallMedia.shape,
  speaking: z.boolean(),
});
export type CallStatePayload = z.infer<typeof CallStatePayload>;

/** An offer or answer (perfect negotiation rolls back locally, so never sends a rollback). */
export const CallDescription = z.strictObject({
  kind: z.literal("description"),
  type: z.enum(["offer", "answer"]),
  sdp: z.string().min(1).max(callLimits.sdp),
});

/** An ICE candidate; an empty `candidate` is the end of candidates. */
export const CallCandidate = z.strictObject({
  kind: z.literal("candidate"),
  candidate: z.string().max(callLimits.candidate),
  sdpMid: z.string().max(callLimits.sdpMid).nullable(),
  sdpMLineIndex: z.int().min(0).max(callLimits.sdpMLineIndex).nullable(),
  usernameFragment: z.string().max(callLimits.usernameFragment).nullable(),
});

export const CallSignal = z.discriminatedUnion("kind", [CallDescription, CallCandidate]);
export type CallSignal = z.infer<typeof CallSignal>;

/** To one peer in the same call; relayed to nobody else. */
export const CallSignalPayload = z.strictObject({ meetingId, to: peerId, signal: CallSignal });
export type CallSignalPayload = z.infer<typeof CallSignalPayload>;

/** The chair lets someone waiting in the lobby into the room, or turns them away. */
export const LobbyDecisionPayload = z.strictObject({
  meetingId,
  userId: z.uuid({ message: "userId must be a UUID" }),
});
export type LobbyDecisionPayload = z.infer<typeof LobbyDecisionPayload>;

/** One connection in the call, as everyone in the room sees it. */
export interface CallPeer extends CallMedia {
  peerId: string;
  userId: string;
  name: string;
  isChair: boolean;
  speaking: boolean;
}

export interface CallUpdate {
  meetingId: string;
  peers: CallPeer[];
}

/** A STUN or TURN server for `RTCPeerConnection`; TURN ones carry short-lived credentials. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** The answer to `call:join`: one's own peer id, who else is in the call, and how to reach them. */
export interface CallJoined {
  peerId: string;
  peers: CallPeer[];
  iceServers: IceServer[];
}

/** A signal from another peer in the call. */
export interface CallSignalRelayed {
  meetingId: string;
  from: string;
  signal: CallSignal;
}

/** Someone's connection left the call (they left, closed the page, or lost access): close it. */
export interface CallPeerLeft {
  meetingId: string;
  peerId: string;
}

export interface LobbyEntry {
  userId: string;
  name: string;
}

/** Who waits in a meeting's lobby, sent to the room (the chair admits them). */
export interface LobbyUpdate {
  meetingId: string;
  waiting: LobbyEntry[];
}

export interface LobbyDecided {
  meetingId: string;
}

/** One's own place in a meeting's call, kept on the socket by the server. */
export interface InCall extends CallMedia {
  peerId: string;
  attendanceId: string;
  speaking: boolean;
}

/**
 * What each outgoing video stream may use in a mesh of `peers` connections
 * (oneself included): every peer gets its own copy of one's camera, so the
 * uplink carries (peers − 1) streams; the bitrate and resolution fall as the
 * call grows, so ten people fit in a home or office uplink of about 3 Mbit/s.
 */
export function callVideoBudget(peers: number): {
  maxBitrate: number;
  scaleResolutionDownBy: number;
} {
  if (peers <= 2) return { maxBitrate: 1_200_000, scaleResolutionDownBy: 1 };
  if (peers <= 4) return { maxBitrate: 600_000, scaleResolutionDownBy: 1.5 };
  if (peers <= 6) return { maxBitrate: 400_000, scaleResolutionDownBy: 2 };
  return { maxBitrate: 250_000, scaleResolutionDownBy: 3 };
}
