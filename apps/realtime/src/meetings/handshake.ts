import type { IncomingMessage } from "node:http";
import { sessionCookieName, signedInSession } from "@teamaround/auth";
import { clientAddress, trustNoProxy } from "@teamaround/config";
import type { SocketData } from "@teamaround/domain";
import { readCookie } from "../collab/authenticate";
import type { MeetingServerDeps, MeetingSocket } from "./meeting-context";

/** The session token each socket signed in with, kept off `socket.data` (which other nodes can read). */
const tokens = new WeakMap<MeetingSocket, string>();
/** The client's address (behind a trusted proxy, the one it served), for the audit log. */
const addresses = new WeakMap<MeetingSocket, string | null>();

export function clientAddressOf(socket: MeetingSocket): string | null {
  return addresses.get(socket) ?? null;
}

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
      const data: SocketData = {
        actor: signedIn.actor,
        displayName: signedIn.user.displayName,
        agencyName: signedIn.agencyName,
        meetings: {},
        watching: [],
      };
      socket.data = data;
      tokens.set(socket, token);
      addresses.set(
        socket,
        clientAddress(
          socket.handshake.address,
          headers["x-forwarded-for"],
          deps.config.trustedProxies ?? trustNoProxy,
        ),
      );
      next();
    } catch (error) {
      deps.logger.error({ err: error }, "meeting handshake failed");
      next(new Error("server error"));
    }
  };
}

function signedInUser(deps: MeetingServerDeps, token: string) {
  return signedInSession(deps.db, token, deps.config.sessionPolicy, deps.now());
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
