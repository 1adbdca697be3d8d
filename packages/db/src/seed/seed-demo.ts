import type { Database } from "../client";
import { localAuthorities } from "../schema";
import {
  seedAshdownFamily,
  seedHollisFamily,
  seedMarshFamily,
  seedWrenFamily,
} from "./demo-families";
import { seedDemoHistory } from "./demo-history";
import { demoFamilyAccounts, demoStaff, seedOrganisation } from "./demo-organisation";
import { seedDemoRequests } from "./demo-requests";

export interface DemoSignIn {
  email: string;
  name: string;
  role: string;
}

export const demoPassword = "demo-password-2026";

/** Every demo sign-in, for the start-up banner and the README. */
export const demoSignIns: DemoSignIn[] = [
  ...demoStaff.map((s) => ({ email: s.email, name: s.displayName, role: s.jobTitle })),
  ...demoFamilyAccounts.map((f) => ({
    email: f.email,
    name: f.displayName,
    role: "Family member",
  })),
];

/** Synthetic families with a year of history beside the four written ones. */
export const defaultSyntheticFamilies = 200;

/**
 * Seeds the demo authority on an empty database; does nothing if any
 * authority exists. The caller refuses to call it in production.
 */
export async function seedDemo(
  db: Database,
  passwordHash: string,
  options: { syntheticFamilies?: number } = {},
): Promise<"seeded" | "already-present"> {
  const existing = await db.select({ id: localAuthorities.id }).from(localAuthorities).limit(1);
  if (existing.length > 0) return "already-present";
  await db.transaction(async (tx) => {
    const org = await seedOrganisation(tx, passwordHash);
    await seedAshdownFamily(tx, org);
    await seedWrenFamily(tx, org);
    await seedMarshFamily(tx, org);
    await seedHollisFamily(tx, org);
    await seedDemoRequests(tx, org);
    const syntheticFamilies = options.syntheticFamilies ?? defaultSyntheticFamilies;
    if (syntheticFamilies > 0) {
      await seedDemoHistory(tx, org, passwordHash, { families: syntheticFamilies });
    }
  });
  return "seeded";
}
