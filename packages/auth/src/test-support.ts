import type { Executor, users } from "@teamaround/db";
import { buildAgency, buildAuthority, buildUser } from "@teamaround/db/testing";

/** A practitioner in a fresh authority and agency, so no two tests share rows. */
export async function buildPractitioner(
  db: Executor,
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  const authority = await buildAuthority(db);
  const agency = await buildAgency(db, { authorityId: authority.id });
  return buildUser(db, {
    ...overrides,
    authorityId: authority.id,
    agencyId: agency.id,
    role: "practitioner",
  });
}
