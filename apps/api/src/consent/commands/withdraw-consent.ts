import {
  consents,
  consentWithdrawalNotices,
  type Executor,
  sharingRecords,
  teamMemberships,
  users,
} from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { ConsentRow } from "../consent-state";
import {
  type MembershipOutcome,
  removeMembershipsWithoutBasis,
} from "./remove-memberships-without-basis";

export const withdrawalNoticeHow = "Recorded in Teamaround when consent was withdrawn";

export const notInForce = () =>
  new AppError("conflict", "This consent is not in force: it was refused or already withdrawn.");

export interface WithdrawConsentInput {
  familyId: string;
  consentId: string;
  actorId: string;
  reason: string;
  withdrawnAt: Date;
  now: Date;
}

export interface WithdrawConsentResult {
  consent: ConsentRow;
  memberships: MembershipOutcome;
  notifiedAgencyIds: string[];
}

/**
 * Every agency that received information under the consent: those it was
 * shared with in the register, those of practitioners who were in the team
 * on it, and those in its scope.
 */
async function receivingAgencies(tx: Executor, consent: ConsentRow): Promise<string[]> {
  const shared = await tx
    .select({ agencyId: sharingRecords.toAgencyId })
    .from(sharingRecords)
    .where(
      and(eq(sharingRecords.familyId, consent.familyId), eq(sharingRecords.consentId, consent.id)),
    );
  const team = await tx
    .select({ agencyId: users.agencyId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(
      and(
        eq(teamMemberships.familyId, consent.familyId),
        eq(teamMemberships.consentId, consent.id),
      ),
    );
  const all = [...shared, ...team].map((r) => r.agencyId);
  return [...new Set([...all, ...consent.agencyIds])].filter((id): id is string => id !== null);
}

/**
 * Withdraws a consent that is in force, in the caller's transaction: marks
 * it withdrawn, removes (or re-points) the team memberships resting on it,
 * and records a withdrawal notice for every agency that received information
 * under it. A consent already withdrawn or refused answers 409.
 */
export async function withdrawConsent(
  tx: Executor,
  input: WithdrawConsentInput,
): Promise<WithdrawConsentResult> {
  const [consent] = await tx
    .update(consents)
    .set({
      decision: "withdrawn",
      withdrawnAt: input.withdrawnAt,
      withdrawnBy: input.actorId,
      withdrawalReason: input.reason,
      version: sql`${consents.version} + 1`,
    })
    .where(
      and(
        eq(consents.id, input.consentId),
        eq(consents.familyId, input.familyId),
        eq(consents.decision, "given"),
        isNull(consents.withdrawnAt),
      ),
    )
    .returning();
  if (!consent) throw notInForce();
  // Read before memberships are re-pointed away from this consent.
  const notifiedAgencyIds = await receivingAgencies(tx, consent);
  const memberships = await removeMembershipsWithoutBasis(tx, {
    familyId: input.familyId,
    ended: { consentId: consent.id },
    now: input.now,
    reason: "Consent withdrawn",
  });
  if (notifiedAgencyIds.length > 0) {
    await tx.insert(consentWithdrawalNotices).values(
      notifiedAgencyIds.map((agencyId) => ({
        familyId: input.familyId,
        consentId: consent.id,
        agencyId,
        notifiedAt: input.now,
        notifiedBy: input.actorId,
        how: withdrawalNoticeHow,
      })),
    );
  }
  return { consent, memberships, notifiedAgencyIds };
}
