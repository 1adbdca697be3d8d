import { isExpired, type SessionPolicy } from "@teamaround/auth";
import { type Database, sessions, users } from "@teamaround/db";
import type { Actor } from "@teamaround/domain";
import { eq, inArray } from "drizzle-orm";

/** A session as the re-check sees it: who it is now, and whether it still signs anyone in. */
export interface SessionState {
  id: string;
  actor: Actor;
  valid: boolean;
  lastSeenAt: Date;
}

const chunk = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

/**
 * One query for the sessions of every open connection. Valid means what the
 * handshake required: the session exists (not signed out or revoked), is
 * neither idle nor past its absolute end, its user is active, and its second
 * factor is done when the account has one. A missing session is absent.
 */
export async function loadSessionStates(
  db: Database,
  sessionIds: readonly string[],
  policy: SessionPolicy,
  now: Date,
): Promise<Map<string, SessionState>> {
  const states = new Map<string, SessionState>();
  for (const ids of chunks(sessionIds)) {
    const rows = await db
      .select({
        id: sessions.id,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        twoFactorVerified: sessions.twoFactorVerified,
        userId: users.id,
        role: users.role,
        agencyId: users.agencyId,
        status: users.status,
        totpKey: users.totpKey,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(inArray(sessions.id, ids));
    for (const row of rows) {
      const valid =
        !isExpired(row, policy, now) &&
        row.status === "active" &&
        (row.totpKey === null || row.twoFactorVerified);
      const actor: Actor = { userId: row.userId, role: row.role, agencyId: row.agencyId };
      states.set(row.id, { id: row.id, actor, valid, lastSeenAt: row.lastSeenAt });
    }
  }
  return states;
}

/** Writing through a live connection is using the session: keep it from going idle. */
export async function touchSessions(db: Database, sessionIds: readonly string[], now: Date) {
  for (const ids of chunks(sessionIds)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(inArray(sessions.id, ids));
  }
}
