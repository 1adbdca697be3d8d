import { type Executor, sessions, users } from "@teamaround/db";
import { and, desc, eq, gt, gte, lt, lte, or } from "drizzle-orm";
import { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";

export type Session = typeof sessions.$inferSelect;
export type SessionUser = typeof users.$inferSelect;
export type SessionValidationResult = { session: Session; user: SessionUser } | null;

export interface SessionPolicy {
  /** A session unused for longer than this is over. */
  idleTimeoutMs: number;
  /** A session is over this long after it began, however busy. */
  absoluteTimeoutMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleTimeoutMs: 30 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
};

/** Refreshing lastSeenAt at most once a minute spares a write on every request. */
export const lastSeenRefreshMs = 60 * 1000;

export interface SessionContext {
  ipAddress: string | null;
  userAgent: string | null;
  twoFactorVerified: boolean;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
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
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
    })
    .returning();
  if (!session) throw new Error("session not inserted");
  return { token, session };
}

/** Idle too long or past its absolute end (live connections are re-checked with this too). */
export function isExpired(
  session: Pick<Session, "expiresAt" | "lastSeenAt">,
  policy: SessionPolicy,
  now: Date,
): boolean {
  return (
    now.getTime() >= session.expiresAt.getTime() ||
    now.getTime() - session.lastSeenAt.getTime() > policy.idleTimeoutMs
  );
}

export async function validateSessionToken(
  db: Executor,
  token: string,
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<SessionValidationResult> {
  if (!isWellFormedToken(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, user } = row;
  if (isExpired(session, policy, now)) {
    await invalidateSession(db, session.id);
    return null;
  }
  if (user.status !== "active") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenRefreshMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
    return { session: { ...session, lastSeenAt: now }, user };
  }
  return { session, user };
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
