import { isExpired, type SessionPolicy } from "@teamaround/auth";
import {
  type Database,
  families,
  familyMembers,
  sessions,
  teamMemberships,
  users,
} from "@teamaround/db";
import type { Actor, FamilyAccess } from "@teamaround/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";

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

export const accessKey = (userId: string, familyId: string) => `${userId}:${familyId}`;

/**
 * One query for how each (person, family) pair stands now — the same facts
 * `getFamilyAccess` reads, for every pair at once. A pair whose family no
 * longer exists is absent.
 */
export async function loadFamilyAccesses(
  db: Database,
  actors: ReadonlyMap<string, Actor>,
  pairs: readonly { userId: string; familyId: string }[],
): Promise<Map<string, FamilyAccess>> {
  const accesses = new Map<string, FamilyAccess>();
  const familyIds = [...new Set(pairs.map((p) => p.familyId))];
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  if (familyIds.length === 0) return accesses;
  const rows = await db
    .select({
      familyId: families.id,
      familyStatus: families.status,
      owningAgencyId: families.owningAgencyId,
      teamUserId: teamMemberships.userId,
      teamRole: teamMemberships.role,
      memberUserId: familyMembers.userId,
      familyMemberId: familyMembers.id,
    })
    .from(families)
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, families.id),
        inArray(teamMemberships.userId, userIds),
        isNull(teamMemberships.removedAt),
      ),
    )
    .leftJoin(
      familyMembers,
      and(eq(familyMembers.familyId, families.id), inArray(familyMembers.userId, userIds)),
    )
    .where(inArray(families.id, familyIds));
  const byFamily = new Map<string, typeof rows>();
  for (const row of rows) byFamily.set(row.familyId, [...(byFamily.get(row.familyId) ?? []), row]);
  for (const pair of pairs) {
    const actor = actors.get(pair.userId);
    const ofFamily = byFamily.get(pair.familyId) ?? [];
    const family = ofFamily[0];
    if (!actor || !family) continue;
    const team = ofFamily.find((r) => r.teamUserId === pair.userId);
    const member = ofFamily.find((r) => r.memberUserId === pair.userId);
    accesses.set(accessKey(pair.userId, pair.familyId), {
      actor,
      familyId: pair.familyId,
      familyStatus: family.familyStatus,
      owningAgencyId: family.owningAgencyId,
      teamRole: team?.teamRole ?? null,
      familyMemberId: actor.role === "family_member" ? (member?.familyMemberId ?? null) : null,
    });
  }
  return accesses;
}

/** Writing through a live connection is using the session: keep it from going idle. */
export async function touchSessions(db: Database, sessionIds: readonly string[], now: Date) {
  for (const ids of chunks(sessionIds)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(inArray(sessions.id, ids));
  }
}
