import { agencies, type Executor, teamMemberships, users } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import { type Basis, basisCovers, findCoveringBasis } from "../find-basis";

export interface HandOverLeadInput {
  familyId: string;
  /** The lead handing over (the caller). */
  leadUserId: string;
  /** The active membership that becomes lead. */
  membershipId: string;
  now: Date;
}

async function lockCurrentLead(tx: Executor, familyId: string, leadUserId: string) {
  const [lead] = await tx
    .select({ membership: teamMemberships, agencyId: users.agencyId, agencyName: agencies.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    )
    .for("update", { of: teamMemberships });
  if (!lead || lead.membership.userId !== leadUserId) {
    throw new AppError("conflict", "The lead professional has just changed. Reload and try again.");
  }
  return lead;
}

async function loadIncoming(tx: Executor, familyId: string, membershipId: string, leadId: string) {
  const [incoming] = await tx
    .select()
    .from(teamMemberships)
    .where(and(eq(teamMemberships.id, membershipId), eq(teamMemberships.familyId, familyId)))
    .for("update");
  if (!incoming) throw notFound("That team membership");
  const refuse = (message: string) =>
    new AppError("unprocessable", message, [{ path: "membershipId", message }]);
  if (incoming.id === leadId) throw refuse("You are already the lead professional.");
  if (incoming.removedAt) throw refuse("That person has left the team.");
  return incoming;
}

/**
 * The outgoing lead stays in the team as a member, so they need a basis that
 * covers their own agency: the incoming lead's if it does, else any other.
 */
async function basisForOutgoing(
  tx: Executor,
  familyId: string,
  incoming: Basis,
  agency: { id: string | null; name: string | null },
  now: Date,
): Promise<Basis> {
  if (agency.id) {
    if (await basisCovers(tx, familyId, incoming, agency.id, now)) return incoming;
    const found = await findCoveringBasis(tx, familyId, agency.id, now);
    if (found) return found;
  }
  const message = `No active consent or lawful basis covers ${agency.name ?? "your agency"}, so you could not stay in the team after handing over. Record one first.`;
  throw new AppError("unprocessable", message, [{ path: "membershipId", message }]);
}

/** Swaps the lead professional; run inside a transaction. */
export async function handOverLead(tx: Executor, input: HandOverLeadInput) {
  const { familyId, now } = input;
  const lead = await lockCurrentLead(tx, familyId, input.leadUserId);
  const incoming = await loadIncoming(tx, familyId, input.membershipId, lead.membership.id);
  const outgoingBasis = await basisForOutgoing(
    tx,
    familyId,
    { consentId: incoming.consentId, lawfulBasisId: incoming.lawfulBasisId },
    { id: lead.agencyId, name: lead.agencyName },
    now,
  );
  // Demote first: only one active lead may exist at any moment.
  await tx
    .update(teamMemberships)
    .set({ role: "member", ...outgoingBasis })
    .where(eq(teamMemberships.id, lead.membership.id));
  await tx
    .update(teamMemberships)
    .set({ role: "lead_professional" })
    .where(eq(teamMemberships.id, incoming.id));
  return { previousLeadId: lead.membership.id, leadId: incoming.id, outgoingBasis };
}
