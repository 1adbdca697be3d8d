import type { IncomingMessage } from "node:http";
import {
  actorOf,
  type SessionPolicy,
  type SignInState,
  sessionCookieName,
  validateSessionToken,
} from "@teamaround/auth";
import { clientAddress, type ProxyTrust, trustNoProxy } from "@teamaround/config";
import { type Database, getFamilyAccess, recordRealtimeAudit } from "@teamaround/db";
import {
  type Actor,
  type DocumentRef,
  type FamilyAccess,
  formatDocumentName,
  openDocument,
  parseDocumentName,
  realtimeCloseCodes,
  relationshipOf,
} from "@teamaround/domain";
import { colorFor, type Presence } from "./awareness";

export const documentPathPrefix = "/yjs/";

/** Who is connecting, to which document, and what they may do with it. */
export interface Principal {
  actor: Actor;
  /** The session this connection signed in with (its id, the token's SHA-256), re-checked while open. */
  sessionId: string;
  access: FamilyAccess;
  document: DocumentRef & { name: string };
  level: "read-write" | "read-only";
  presence: Presence;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface Refusal {
  code: number;
  reason: string;
}

export interface AuthenticateDeps {
  db: Database;
  publicOrigin: string;
  sessionPolicy: SessionPolicy;
  now: () => Date;
  /** Load balancers whose X-Forwarded-For names the client; absent: none. */
  trustedProxies?: ProxyTrust;
}

const refuse = (code: number, reason: string): Refusal => ({ code, reason });
const notSignedInReasons: Record<Exclude<SignInState, "signed_in">, string> = {
  expired: "not signed in",
  inactive: "not signed in",
  second_factor_pending: "second factor required",
  totp_enrolment_required: "two-step verification must be set up first",
};
const unknownDocument = () => refuse(realtimeCloseCodes.unknownDocument, "unknown document");

/** The document named by `/yjs/<name>` (URL-encoded or not), or null. */
export function documentFromPath(url: string | undefined): (DocumentRef & { name: string }) | null {
  const path = (url ?? "").split("?")[0] ?? "";
  if (!path.startsWith(documentPathPrefix)) return null;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(documentPathPrefix.length));
  } catch {
    return null;
  }
  const ref = parseDocumentName(name);
  return ref ? { ...ref, name: formatDocumentName(ref) } : null;
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/**
 * The authenticate hook: same-origin, a fully signed-in session, and the
 * domain policy's answer for this document. Outsiders are told the document
 * is unknown (as the API answers 404), insiders without access are refused.
 */
export async function authenticate(
  deps: AuthenticateDeps,
  request: IncomingMessage,
): Promise<Principal | Refusal> {
  if (request.headers.origin !== deps.publicOrigin) {
    return refuse(realtimeCloseCodes.forbidden, "origin not allowed");
  }
  const document = documentFromPath(request.url);
  if (!document) return unknownDocument();
  const token = readCookie(request.headers.cookie, sessionCookieName);
  if (!token) return refuse(realtimeCloseCodes.notSignedIn, "not signed in");
  const session = await validateSessionToken(deps.db, token, deps.sessionPolicy, deps.now());
  if (!session) return refuse(realtimeCloseCodes.notSignedIn, "not signed in");
  if (session.state !== "signed_in") {
    return refuse(realtimeCloseCodes.notSignedIn, notSignedInReasons[session.state]);
  }
  const { user } = session;
  const actor = actorOf(user);
  const found = await getFamilyAccess(deps.db, actor, document.familyId);
  if (!found) return unknownDocument();
  const opening = openDocument(found.access, document.kind);
  if ("refused" in opening) {
    if (opening.refused === "not_found") return unknownDocument();
    return refuse(realtimeCloseCodes.forbidden, "no access to this document");
  }
  const { level } = opening;
  const presence: Presence = {
    name: user.displayName,
    role: relationshipOf(found.access),
    agency: session.agencyName,
    color: colorFor(user.id),
  };
  return {
    actor,
    sessionId: session.session.id,
    access: found.access,
    document,
    level,
    presence,
    ipAddress: clientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      deps.trustedProxies ?? trustNoProxy,
    ),
    userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
  };
}

/** Every successful join is written to the audit log. */
export async function recordJoin(db: Database, principal: Principal): Promise<void> {
  await recordRealtimeAudit(db, principal, {
    event: "document.join",
    familyId: principal.document.familyId,
    resourceType: "document",
    resourceId: principal.document.name,
    details: { access: principal.level },
  });
}

export function isRefusal(result: Principal | Refusal): result is Refusal {
  return "code" in result;
}
