import {
  agencies,
  builtOnce,
  type Executor,
  localAuthorities,
  meetingGuests,
  sessions,
  users,
} from "@teamaround/db";
import type { Actor } from "@teamaround/domain";
import { and, desc, eq, gt, gte, lt, lte, ne, or, sql } from "drizzle-orm";
import {
  actorOf,
  defaultSessionPolicy,
  type SessionPolicy,
  type SignInState,
  sessionSignsIn,
} from "./sign-in-state";
import { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";

export type Session = typeof sessions.$inferSelect;
export type SessionUser = typeof users.$inferSelect;

/** A session that still exists and can do something (expired and inactive ones never show). */
export interface ValidSession {
  session: Session;
  user: SessionUser;
  state: Exclude<SignInState, "expired" | "inactive">;
  /**
   * The name of the user's agency as others see it; for a guest partner, the
   * organisation they were invited from; null for family members.
   */
  agencyName: string | null;
}
export type SessionValidationResult = ValidSession | null;

/** A fully signed-in session: the only kind that may act. */
export interface SignedInSession extends ValidSession {
  state: "signed_in";
  actor: Actor;
}

/** Refreshing lastSeenAt at most once a minute spares a write on every request. */
export const lastSeenRefreshMs = 60 * 1000;

export interface SessionContext {
  ipAddress: string | null;
  userAgent: string | null;
  twoFactorVerified: boolean;
  /** Begun through the council's identity provider (OpenID Connect). */
  singleSignOn?: boolean;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  /** Begun through the council's identity provider rather than a password. */
  singleSignOn: boolean;
}

export function generateSessionToken(): string {
  return generateRandomToken();
}

/** The session id is the token's SHA-256: a leaked sessions table yields no usable cookie. */
export function sessionIdFromToken(token: string): string {
  return hashToken(token);
}

export async function createSession(
  db: Executor,
  userId: string,
  context: SessionContext,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteTimeoutMs),
      twoFactorVerified: context.twoFactorVerified,
      singleSignOn: context.singleSignOn ?? false,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
    })
    .returning();
  if (!session) throw new Error("session not inserted");
  return { token, session };
}

/** Every handshake and every meeting event reads this, so it is built once. */
const sessionById = builtOnce((db) =>
  db
    .select({
      session: sessions,
      user: users,
      requireStaffTotp: localAuthorities.requireStaffTotp,
      agencyName: agencies.name,
      guestOrganisation: meetingGuests.organisation,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, users.authorityId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(meetingGuests, eq(meetingGuests.userId, users.id))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare("session_by_id"),
);

export async function validateSessionToken(
  db: Executor,
  token: string,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<SessionValidationResult> {
  if (!isWellFormedToken(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const [row] = await sessionById(db).execute({ sessionId });
  if (!row) return null;
  const { session, user } = row;
  const agencyName = row.agencyName ?? row.guestOrganisation;
  const state = sessionSignsIn(
    { session, user, authority: { requireStaffTotp: row.requireStaffTotp } },
    policy,
    now,
  );
  if (state === "expired") {
    await invalidateSession(db, session.id);
    return null;
  }
  if (state === "inactive") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenRefreshMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
    return { session: { ...session, lastSeenAt: now }, user, state, agencyName };
  }
  return { session, user, state, agencyName };
}

/** The session named by the token if it is fully signed in (the one rule), else null. */
export async function signedInSession(
  db: Executor,
  token: string,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<SignedInSession | null> {
  const result = await validateSessionToken(db, token, policy, now);
  if (result?.state !== "signed_in") return null;
  return { ...result, state: "signed_in", actor: actorOf(result.user) };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revokes one session only if it belongs to the user, so an id from elsewhere does nothing. */
export async function revokeUserSession(
  db: Executor,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Signs the user out everywhere except the given session; answers the ended ids. */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  currentSessionId: string,
): Promise<string[]> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .returning({ id: sessions.id });
  return deleted.map((row) => row.id);
}

/** Signs a user out everywhere: on deactivation and on a password change. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** The user's live sessions, most recently used first. Never includes a token. */
export async function listUserSessions(
  db: Executor,
  userId: string,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<SessionSummary[]> {
  const idleCutoff = new Date(now.getTime() - policy.idleTimeoutMs);
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
      singleSignOn: sessions.singleSignOn,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        gte(sessions.lastSeenAt, idleCutoff),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

export async function markSessionTwoFactorVerified(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
}

/** For a periodic job: removes sessions that can no longer validate. */
export async function deleteExpiredSessions(
  db: Executor,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<number> {
  const idleCutoff = new Date(now.getTime() - policy.idleTimeoutMs);
  const deleted = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}
