import { type Executor, lawfulBasisRecords } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import {
  type MembershipOutcome,
  removeMembershipsWithoutBasis,
} from "./remove-memberships-without-basis";

export const alreadyEnded = () => new AppError("conflict", "This lawful basis has already ended.");

/**
 * Ends a lawful basis in the caller's transaction and removes (or re-points)
 * the team memberships resting on it. Already ended answers 409.
 */
export async function endLawfulBasis(
  tx: Executor,
  input: { familyId: string; lawfulBasisId: string; now: Date },
): Promise<MembershipOutcome> {
  const [ended] = await tx
    .update(lawfulBasisRecords)
    .set({ endedAt: input.now })
    .where(
      and(
        eq(lawfulBasisRecords.id, input.lawfulBasisId),
        eq(lawfulBasisRecords.familyId, input.familyId),
        isNull(lawfulBasisRecords.endedAt),
      ),
    )
    .returning({ id: lawfulBasisRecords.id });
  if (!ended) throw alreadyEnded();
  return removeMembershipsWithoutBasis(tx, {
    familyId: input.familyId,
    ended: { lawfulBasisId: input.lawfulBasisId },
    now: input.now,
    reason: "Lawful basis ended",
  });
}
