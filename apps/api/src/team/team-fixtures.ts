import { consents, type Executor, lawfulBasisRecords, teamMemberships } from "@teamaround/db";
import { buildAgency, buildScenario, buildUser } from "@teamaround/db/testing";
import type { AgencyType } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

/** Test fixtures for the team feature: a scenario plus the records team rules look at. */

export async function teamWorld(db: Executor) {
  const s = await buildScenario(db);
  const [membership] = await db
    .select()
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, s.family.id),
        eq(teamMemberships.userId, s.users.teamMember.id),
      ),
    );
  if (!membership) throw new Error("team membership missing");
  const leadMembership = (
    await db
      .select()
      .from(teamMemberships)
      .where(
        and(eq(teamMemberships.familyId, s.family.id), eq(teamMemberships.userId, s.users.lead.id)),
      )
  )[0];
  if (!leadMembership) throw new Error("lead membership missing");
  return { s, membership, leadMembership };
}

/** A practitioner of a new agency of the scenario's authority. */
export async function buildPractitioner(
  db: Executor,
  authorityId: string,
  type: AgencyType = "police",
  name = "Northshire Police",
) {
  const agency = await buildAgency(db, { authorityId, type, name });
  const user = await buildUser(db, { authorityId, role: "practitioner", agencyId: agency.id });
  return { agency, user };
}

export async function buildLawfulBasis(
  db: Executor,
  input: { familyId: string; agencyIds: string[]; decidedBy: string; endedAt?: Date },
) {
  const [row] = await db
    .insert(lawfulBasisRecords)
    .values({
      basis: "safeguarding_of_children",
      justification: "Risk of harm to the children",
      decidedAt: new Date(),
      familyTold: false,
      notToldReason: "risk_of_harm",
      ...input,
    })
    .returning();
  if (!row) throw new Error("lawful basis not inserted");
  return row;
}

export function withdrawConsent(db: Executor, consentId: string, by: string) {
  return db
    .update(consents)
    .set({ decision: "withdrawn", withdrawnAt: new Date(), withdrawnBy: by })
    .where(eq(consents.id, consentId));
}
