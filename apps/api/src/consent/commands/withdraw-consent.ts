import {
  agencies,
  consents,
  consentWithdrawalNotices,
  type Executor,
  enqueueNotice,
  families,
  sharingRecords,
  teamMemberships,
  users,
} from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ConsentRow } from "../consent-state";
import {
  type MembershipOutcome,
  removeMembershipsWithoutBasis,
} from "./remove-memberships-without-basis";

/** How each receiving agency is told, as the register records it. */
export const withdrawalNoticeHow = {
  emailed: "Emailed to the agency's contact address",
  noAddress: "Not emailed: the agency has no contact address in Teamaround",
} as const;

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
 * Tells each receiving agency, in the withdrawal's transaction: a
 * `consent_withdrawn` notice to its contact address (a safeguarding notice:
 * no preference turns it off), and the register's row pointing at it, from
 * which "who we have told" reads whether and when it was sent. An agency with
 * no contact address gets a row saying so, and no notice.
 */
async function tellAgencies(
  tx: Executor,
  input: WithdrawConsentInput,
  consent: ConsentRow,
  agencyIds: string[],
) {
  if (agencyIds.length === 0) return;
  const [family] = await tx
    .select({ authorityId: families.authorityId })
    .from(families)
    .where(eq(families.id, input.familyId));
  if (!family) throw new AppError("internal", "The family of this consent was not found.");
  const contacts = await tx
    .select({ id: agencies.id, contactEmail: agencies.contactEmail })
    .from(agencies)
    .where(and(inArray(agencies.id, agencyIds), eq(agencies.authorityId, family.authorityId)));
  const addressOf = new Map(contacts.map((a) => [a.id, a.contactEmail]));
  for (const agencyId of agencyIds) {
    const address = addressOf.get(agencyId) ?? null;
    const notice = address
      ? await enqueueNotice(tx, {
          authorityId: family.authorityId,
          familyId: input.familyId,
          recipient: { address },
          createdBy: input.actorId,
          content: {
            kind: "consent_withdrawn",
            variables: { familyId: input.familyId, withdrawnAt: input.withdrawnAt.toISOString() },
          },
          idempotencyKey: `consent_withdrawn:${consent.id}:${agencyId}`,
          dueAt: input.now,
        })
      : null;
    await tx.insert(consentWithdrawalNotices).values({
      familyId: input.familyId,
      consentId: consent.id,
      agencyId,
      notifiedAt: input.now,
      notifiedBy: input.actorId,
      how: notice ? withdrawalNoticeHow.emailed : withdrawalNoticeHow.noAddress,
      noticeId: notice?.id ?? null,
    });
  }
}

/**
 * Withdraws a consent that is in force, in the caller's transaction: marks
 * it withdrawn, removes (or re-points) the team memberships resting on it,
 * and tells every agency that received information under it (see
 * `tellAgencies`). A consent already withdrawn or refused answers 409.
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
  await tellAgencies(tx, input, consent, notifiedAgencyIds);
  return { consent, memberships, notifiedAgencyIds };
}
