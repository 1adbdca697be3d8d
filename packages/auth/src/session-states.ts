import { type Executor, inTexts, localAuthorities, sessions, users } from "@teamaround/db";
import type { Actor } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { actorOf, type SessionPolicy, type SignInState, sessionSignsIn } from "./sign-in-state";

/** A session as a periodic re-check of live connections sees it. */
export interface SessionState {
  id: string;
  /** Who the session belongs to now (the role or agency may have changed since it began). */
  actor: Actor;
  state: SignInState;
  lastSeenAt: Date;
}

const chunk = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

/**
 * One query per 5,000 sessions, judged by the same rule as a single token
 * (`sessionSignsIn`). A session that no longer exists (signed out, revoked) is
 * absent from the map. Reads only: expired rows are left for the sweep.
 */
export async function loadSessionStates(
  db: Executor,
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
        singleSignOn: sessions.singleSignOn,
        userId: users.id,
        role: users.role,
        agencyId: users.agencyId,
        status: users.status,
        totpKey: users.totpKey,
        requireStaffTotp: localAuthorities.requireStaffTotp,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(localAuthorities, eq(localAuthorities.id, users.authorityId))
      .where(inTexts(sessions.id, ids));
    for (const row of rows) {
      const state = sessionSignsIn(
        { session: row, user: row, authority: { requireStaffTotp: row.requireStaffTotp } },
        policy,
        now,
      );
      const actor = actorOf({ id: row.userId, role: row.role, agencyId: row.agencyId });
      states.set(row.id, { id: row.id, actor, state, lastSeenAt: row.lastSeenAt });
    }
  }
  return states;
}

/** Using a session through a live connection keeps it from going idle. */
export async function touchSessions(
  db: Executor,
  sessionIds: readonly string[],
  now: Date,
): Promise<void> {
  for (const ids of chunks(sessionIds)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(inTexts(sessions.id, ids));
  }
}
