import type { AgencyType } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { generateHistory, type HistoryOrganisation, Random, type StaffMember } from "../generate";

import { users } from "../schema";
import { type DemoOrganisation, demoLocalities } from "./demo-organisation";

export { demoLocalities };

/** Partner agencies of the demo whose (synthetic) staff ask for help and join teams. */
const partnerKeys: [string, AgencyType][] = [
  ["hollybrook", "school"],
  ["riverside", "school"],
  ["acorns", "early_years"],
  ["health", "health"],
  ["police", "police"],
  ["housing", "housing"],
  ["socialCare", "childrens_social_care"],
  ["adults", "adult_services"],
  ["openDoor", "voluntary"],
];

const syntheticNames = [
  "Ash Penrose",
  "Bo Carrick",
  "Cleo Mardale",
  "Dev Ormsby",
  "Eli Stanway",
  "Fern Tolland",
  "Gus Wendell",
  "Hana Brierley",
  "Ivo Lansdale",
  "Jae Morland",
  "Kaia Renfrew",
  "Lior Sandell",
  "Mika Thorley",
  "Noor Wakeham",
  "Oren Bexley",
];

export interface DemoHistoryOptions {
  families: number;
  seed?: number;
}

/**
 * A year of synthetic history around the demo: families (marked "(synthetic)")
 * held by the Early Help service across the demo's localities, led by
 * synthetic family support workers in Morgan Ellis's team, with partner staff
 * who ask for help and sit in teams. The demo's own people lead none of them,
 * so the hand-written families and the README's flows stay as they are; the
 * demo manager triages, signs off and audits them, which fills the drift and
 * sign-off queues and a year of the partnership's figures.
 */
export async function seedDemoHistory(
  db: Executor,
  org: DemoOrganisation,
  passwordHash: string,
  options: DemoHistoryOptions,
) {
  const { authority, staff, agencyId } = org;
  // The demo manager line-manages the demo lead and the synthetic workers.
  await db.update(users).set({ managerId: staff.manager.id }).where(eq(users.id, staff.lead.id));

  const random = new Random((options.seed ?? 2026) ^ 0xdead);
  let n = 0;
  const newStaff: (typeof users.$inferInsert)[] = [];
  const person = (agency: string, jobTitle: string, managerId: string | null): StaffMember => {
    const displayName = syntheticNames[n % syntheticNames.length] ?? "Synthetic worker";
    n += 1;
    const id = random.uuid();
    newStaff.push({
      id,
      authorityId: authority.id,
      email: `synthetic.worker.${n}@demo.teamaround.test`,
      displayName,
      jobTitle: `${jobTitle} (synthetic)`,
      role: "practitioner",
      agencyId: agency,
      managerId,
      status: "active",
      passwordHash,
    });
    return { id, agencyId: agency, displayName, managerId };
  };
  const earlyHelp = agencyId("earlyHelp");
  const manager: StaffMember = {
    id: staff.manager.id,
    agencyId: earlyHelp,
    displayName: staff.manager.displayName,
    managerId: null,
  };
  const workers = Array.from({ length: 5 }, () =>
    person(earlyHelp, "Family Support Worker", manager.id),
  );
  const partnerStaff = new Map<string, StaffMember[]>();
  const partners = partnerKeys.map(([key, type]) => {
    const id = agencyId(key);
    partnerStaff.set(id, [person(id, "Practitioner", null)]);
    return { id, type };
  });
  await db.insert(users).values(newStaff);

  const history: HistoryOrganisation = {
    authorityId: authority.id,
    localities: demoLocalities,
    services: demoLocalities.map((locality) => ({ id: earlyHelp, locality })),
    partners,
    serviceLeads: new Map([[earlyHelp, workers]]),
    partnerStaff,
    managers: new Map([[earlyHelp, [manager]]]),
    referencePrefix: "SYN",
  };
  return generateHistory(db, history, {
    families: options.families,
    years: 1,
    seed: options.seed ?? 2026,
  });
}
