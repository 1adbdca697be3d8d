import {
  agencies,
  consents,
  type Executor,
  lawfulBasisRecords,
  teamMemberships,
  users,
} from "@teamaround/db";
import { and, eq, isNull } from "drizzle-orm";
import { isoDay } from "../../shared/dates";
import { isActive } from "../consent-state";

/** The basis that has just ended: a withdrawn consent or an ended lawful basis. */
export type EndedBasis = { consentId: string } | { lawfulBasisId: string };

export interface TeamChange {
  membershipId: string;
  userId: string;
  name: string;
  agency: { id: string; name: string } | null;
}

/**
 * The users who lost access to a family. The realtime server closes their
 * live connections to it (plan, voice and notes documents, meeting rooms).
 */
export interface AccessRevocation {
  familyId: string;
  userIds: string[];
}

export interface MembershipOutcome {
  removed: TeamChange[];
  /** Kept: now resting on another consent or lawful basis covering their agency. */
  repointed: TeamChange[];
  revokedAccess: AccessRevocation;
}

type Cover =
  | { consentId: string; lawfulBasisId: null }
  | { consentId: null; lawfulBasisId: string };

/** Every basis of the family still active, as agency → the basis to rest on (consent first). */
async function coversByAgency(
  tx: Executor,
  familyId: string,
  now: Date,
): Promise<Map<string, Cover>> {
  const given = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.familyId, familyId), eq(consents.decision, "given")));
  const inForce = given.filter((consent) => isActive(consent, isoDay(now)));
  const bases = await tx
    .select({ id: lawfulBasisRecords.id, agencyIds: lawfulBasisRecords.agencyIds })
    .from(lawfulBasisRecords)
    .where(and(eq(lawfulBasisRecords.familyId, familyId), isNull(lawfulBasisRecords.endedAt)));
  const covers = new Map<string, Cover>();
  for (const basis of bases) {
    for (const agencyId of basis.agencyIds) {
      covers.set(agencyId, { consentId: null, lawfulBasisId: basis.id });
    }
  }
  for (const consent of inForce) {
    for (const agencyId of consent.agencyIds) {
      covers.set(agencyId, { consentId: consent.id, lawfulBasisId: null });
    }
  }
  return covers;
}

/** Active practitioner memberships of the family resting on the ended basis. */
async function membershipsRestingOn(tx: Executor, familyId: string, ended: EndedBasis) {
  const onBasis =
    "consentId" in ended
      ? eq(teamMemberships.consentId, ended.consentId)
      : eq(teamMemberships.lawfulBasisId, ended.lawfulBasisId);
  return tx
    .select({
      membershipId: teamMemberships.id,
      userId: teamMemberships.userId,
      name: users.displayName,
      agencyId: agencies.id,
      agencyName: agencies.name,
    })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.role, "member"),
        isNull(teamMemberships.removedAt),
        onBasis,
      ),
    );
}

/**
 * Run inside the transaction that ends a basis, after the basis is marked
 * ended. A membership whose practitioner's agency another basis still covers
 * is re-pointed to it; every other one is removed, with the reason given.
 */
export async function removeMembershipsWithoutBasis(
  tx: Executor,
  input: { familyId: string; ended: EndedBasis; now: Date; reason: string },
): Promise<MembershipOutcome> {
  const resting = await membershipsRestingOn(tx, input.familyId, input.ended);
  const covers =
    resting.length > 0 ? await coversByAgency(tx, input.familyId, input.now) : new Map();
  const outcome: MembershipOutcome = {
    removed: [],
    repointed: [],
    revokedAccess: { familyId: input.familyId, userIds: [] },
  };
  for (const m of resting) {
    const change: TeamChange = {
      membershipId: m.membershipId,
      userId: m.userId,
      name: m.name,
      agency: m.agencyId ? { id: m.agencyId, name: m.agencyName ?? "" } : null,
    };
    const cover = m.agencyId ? covers.get(m.agencyId) : undefined;
    const values = cover ?? { removedAt: input.now, removedReason: input.reason };
    await tx
      .update(teamMemberships)
      .set(values)
      .where(and(eq(teamMemberships.id, m.membershipId), isNull(teamMemberships.removedAt)));
    (cover ? outcome.repointed : outcome.removed).push(change);
  }
  outcome.revokedAccess.userIds = outcome.removed.map((r) => r.userId);
  return outcome;
}
