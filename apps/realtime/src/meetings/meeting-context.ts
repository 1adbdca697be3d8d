import type { SessionPolicy } from "@teamaround/auth";
import type { IceSettings, ProxyTrust } from "@teamaround/config";
import type { Database } from "@teamaround/db";
import type {
  ClientEvent,
  ClientEventPayload,
  ClientEventResult,
  ClientToServerEvents,
  FamilyAccess,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "@teamaround/domain";
import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { AccessCacheTimes } from "./access-cache";
import type { MeetingAccess } from "./load-meeting-access";
import type { RateLimits, TokenBucket } from "./rate-limit";

export type MeetingIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type MeetingSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export interface MeetingServerConfig {
  /** The origin browsers use; handshakes from any other are refused. */
  publicOrigin: string;
  sessionPolicy: SessionPolicy;
  rateLimits?: Partial<RateLimits>;
  /** STUN and TURN servers for the call; none: peers on the same network only. */
  ice?: IceSettings;
  /** Load balancers whose X-Forwarded-For names the client; absent: none. */
  trustedProxies?: ProxyTrust;
  /** Set only where the access re-check runs, which confirms what is cached; absent: no cache. */
  accessCache?: AccessCacheTimes;
  /** Other nodes share the rooms through an adapter (Redis), so some news goes node to node. */
  sharedAcrossNodes?: boolean;
}

export interface MeetingServerDeps {
  db: Database;
  logger: Logger;
  config: MeetingServerConfig;
  /** Injected so tests can move time forward. */
  now: () => Date;
}

/** What every event handler is given. */
export interface MeetingContext extends MeetingServerDeps {
  io: MeetingIo;
  accessCache: AccessCacheTimes | null;
  rateLimits: RateLimits;
  /** Keeps database work started by disconnects, so `close()` can wait for it. */
  track(work: Promise<unknown>): void;
}

/** What a client event's handler is given: the server's context and the socket it came from. */
export interface EventContext extends MeetingContext {
  socket: MeetingSocket;
  limits: { events: TokenBucket; chat: TokenBucket; signals: TokenBucket };
}

/**
 * The body of an event about a meeting room, run by the wrapper (`handle-event.ts`)
 * once the payload is parsed, the room's access loaded and the policy passed.
 */
export type RoomEventHandler<E extends ClientEvent> = (
  ctx: EventContext,
  payload: ClientEventPayload<E>,
  room: MeetingAccess,
) => Promise<ClientEventResult<E>>;

/** The body of an event that acts on the socket alone (no access to load). */
export type SelfEventHandler<E extends ClientEvent> = (
  ctx: EventContext,
  payload: ClientEventPayload<E>,
) => Promise<ClientEventResult<E>>;

/**
 * The body of an event about one family outside a meeting (watching it), run
 * once the session and the family policy have passed; `access` is loaded live.
 */
export type FamilyEventHandler<E extends ClientEvent> = (
  ctx: EventContext,
  payload: ClientEventPayload<E>,
  access: FamilyAccess,
) => Promise<ClientEventResult<E>>;
