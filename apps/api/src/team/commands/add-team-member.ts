import { agencies, type Executor, teamMemberships, users } from "@teamaround/db";
import { AppError, type UserRole } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { FamilyRow } from "../../families/family-access";
import { resolveBasis } from "../find-basis";

/** Who can be in a family's team (any agency's staff, not administrators or family). */
const teamEligibleRoles: readonly UserRole[] = ["practitioner", "manager"];

export interface AddTeamMemberInput {
  family: FamilyRow;
  userId: string;
  consentId?: string;
  lawfulBasisId?: string;
  addedBy: string;
  now: Date;
}

async function loadCandidate(tx: Executor, family: FamilyRow, userId: string) {
  const [row] = await tx
    .select({ user: users, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), eq(users.authorityId, family.authorityId)));
  const eligible = row && row.user.status === "active" && teamEligibleRoles.includes(row.user.role);
  if (!row || !eligible || !row.user.agencyId) {
    throw new AppError(
      "unprocessable",
      "Only an active practitioner or manager of this local authority can join the team.",
      [{ path: "userId", message: "not an active practitioner or manager of this authority" }],
    );
  }
  return { userId: row.user.id, agency: { id: row.user.agencyId, name: row.agencyName } };
}

async function assertNotInTeam(tx: Executor, familyId: string, userId: string) {
  const [existing] = await tx
    .select({ id: teamMemberships.id })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.userId, userId),
        isNull(teamMemberships.removedAt),
      ),
    );
  if (existing) {
    throw new AppError("conflict", "This person is already in the family's team.", {
      membershipId: existing.id,
    });
  }
}

/** Adds a practitioner on a basis that covers their agency. Run inside a transaction. */
export async function addTeamMember(tx: Executor, input: AddTeamMemberInput) {
  const { family, now } = input;
  const candidate = await loadCandidate(tx, family, input.userId);
  await assertNotInTeam(tx, family.id, candidate.userId);
  const basis = await resolveBasis(
    tx,
    family.id,
    { consentId: input.consentId, lawfulBasisId: input.lawfulBasisId },
    candidate.agency,
    now,
  );
  const [row] = await tx
    .insert(teamMemberships)
    .values({
      familyId: family.id,
      userId: candidate.userId,
      role: "member",
      ...basis,
      addedBy: input.addedBy,
      addedAt: now,
    })
    .returning();
  if (!row) throw new AppError("internal", "The team membership was not saved.");
  return { membership: row, agency: candidate.agency };
}
