import type { IncomingMessage } from "node:http";
import { sessionCookieName, validateSessionToken } from "@teamaround/auth";
import { agencies, type Database } from "@teamaround/db";
import type { Actor, SocketData } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { readCookie } from "../collab/authenticate";
import type { MeetingServerDeps, MeetingSocket } from "./meeting-context";

/** The session token each socket signed in with, kept off `socket.data` (which other nodes can read). */
const tokens = new WeakMap<MeetingSocket, string>();

export class HandshakeRefusal extends Error {
  readonly data: { code: "unauthenticated" | "forbidden" };

  constructor(code: "unauthenticated" | "forbidden", message: string) {
    super(message);
    this.data = { code };
  }
}

/** Transport-level check, before any Socket.io session exists: same origin only. */
export function allowRequestFrom(publicOrigin: string) {
  return (request: IncomingMessage, callback: (err: string | null, ok: boolean) => void) => {
    const ok = request.headers.origin === publicOrigin;
    callback(ok ? null : "origin not allowed", ok);
  };
}

/**
 * Socket.io middleware: same origin, a fully signed-in session (the second
 * factor done when the account has one), then the person as others will see
 * them, stamped from the database. Refusals reach the client as
 * `connect_error` with a message and `data.code`.
 */
export function authenticateSocket(deps: MeetingServerDeps) {
  return async (socket: MeetingSocket, next: (err?: Error) => void) => {
    try {
      const { headers } = socket.handshake;
      if (headers.origin !== deps.config.publicOrigin) {
        return next(new HandshakeRefusal("forbidden", "origin not allowed"));
      }
      const token = readCookie(headers.cookie, sessionCookieName);
      const signedIn = token && (await signedInUser(deps, token));
      if (!token || !signedIn)
        return next(new HandshakeRefusal("unauthenticated", "not signed in"));
      const { user } = signedIn;
      const actor: Actor = { userId: user.id, role: user.role, agencyId: user.agencyId };
      const data: SocketData = {
        actor,
        displayName: user.displayName,
        agencyName: await agencyName(deps.db, user.agencyId),
        meetings: {},
      };
      socket.data = data;
      tokens.set(socket, token);
      next();
    } catch (error) {
      deps.logger.error({ err: error }, "meeting handshake failed");
      next(new Error("server error"));
    }
  };
}

async function signedInUser(deps: MeetingServerDeps, token: string) {
  const session = await validateSessionToken(deps.db, token, deps.config.sessionPolicy, deps.now());
  if (!session) return null;
  if (session.user.totpKey !== null && !session.session.twoFactorVerified) return null;
  return session;
}

/**
 * Whether the socket's session is still valid now (not signed out, expired or
 * deactivated). Checked on every event, so access ends with the session even
 * before anyone disconnects the socket.
 */
export async function sessionStillValid(
  deps: MeetingServerDeps,
  socket: MeetingSocket,
): Promise<boolean> {
  const token = tokens.get(socket);
  return Boolean(token && (await signedInUser(deps, token)));
}

async function agencyName(db: Database, agencyId: string | null): Promise<string | null> {
  if (!agencyId) return null;
  const [row] = await db
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row?.name ?? null;
}
