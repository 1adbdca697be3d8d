import type { AgencyType } from "@teamaround/domain";
import type { Executor } from "../client";
import { agencies, localAuthorities, users } from "../schema";
import { insertInBatches } from "./batch-insert";
import type { Random } from "./random";
import { givenNames, surnames } from "./words";

export interface StaffMember {
  id: string;
  agencyId: string;
  displayName: string;
  /** The manager the practitioner reports to (users.manager_id). */
  managerId: string | null;
}

/** The people and services a synthetic history is written around. */
export interface HistoryOrganisation {
  authorityId: string;
  localities: string[];
  /** The Early Help services that hold cases, each serving one locality. */
  services: { id: string; locality: string }[];
  /** Agencies that ask for help and sit in teams (schools, health…), by type. */
  partners: { id: string; type: AgencyType }[];
  /** Practitioners who may lead a case, of the services and of partners. */
  serviceLeads: Map<string, StaffMember[]>;
  partnerStaff: Map<string, StaffMember[]>;
  /** Managers of each agency, who triage, sign off and audit. */
  managers: Map<string, StaffMember[]>;
  /** Ids the generator must not reuse for references (e.g. SYN-000001). */
  referencePrefix: string;
}

export interface OrganisationSize {
  staff: number;
  /** Emails are `<role>-<n>@<emailDomain>`; must be unique on the server. */
  emailDomain: string;
  passwordHash: string | null;
}

export const syntheticLocalities = ["Northgate", "Southmere", "Eastfield", "Westbrook", "Central"];

/** How many partner agencies of each type an authority of `staff` people has. */
function partnerCounts(staff: number): [AgencyType, number][] {
  return [
    ["school", Math.max(2, Math.round(staff / 100))],
    ["early_years", Math.max(1, Math.round(staff / 500))],
    ["health", Math.max(1, Math.round(staff / 1000))],
    ["police", Math.max(1, Math.round(staff / 2500))],
    ["housing", Math.max(1, Math.round(staff / 2500))],
    ["childrens_social_care", 1],
    ["adult_services", 1],
    ["voluntary", Math.max(1, Math.round(staff / 500))],
  ];
}

const agencyWords: Record<AgencyType, string> = {
  school: "Academy",
  early_years: "Nursery",
  health: "Health Visiting Team",
  police: "Neighbourhood Policing",
  housing: "Homes",
  childrens_social_care: "Children's Social Care",
  adult_services: "Adult Services",
  voluntary: "Family Support (charity)",
  other: "Early Help Service",
};

/**
 * A new synthetic authority: Early Help services (one or more per locality),
 * partner agencies of every type, practitioners in teams of up to eight under
 * a manager (users.manager_id), two partnership analysts and an administrator.
 */
export async function generateOrganisation(
  db: Executor,
  random: Random,
  size: OrganisationSize,
): Promise<HistoryOrganisation> {
  const authorityId = random.uuid();
  await db.insert(localAuthorities).values({
    id: authorityId,
    name: `Synthetic Borough ${random.int(100, 999)} (generated)`,
    levelsOfNeed: [
      { level: 1, label: "Universal", description: "Needs met by universal services" },
      { level: 2, label: "Early help", description: "Additional needs met by one or two services" },
      {
        level: 3,
        label: "Targeted early help",
        description: "Complex needs: a team around the family",
      },
      { level: 4, label: "Statutory", description: "Child in need or child protection" },
    ],
    localities: syntheticLocalities,
  });

  const serviceCount = Math.max(syntheticLocalities.length, Math.round(size.staff / 250));
  const agencyRows: (typeof agencies.$inferInsert & { id: string; type: AgencyType })[] = [];
  const services: HistoryOrganisation["services"] = [];
  for (let i = 0; i < serviceCount; i += 1) {
    const locality = syntheticLocalities[i % syntheticLocalities.length] ?? "Central";
    const id = random.uuid();
    services.push({ id, locality });
    agencyRows.push({
      id,
      authorityId,
      type: "other",
      name: `${locality} Early Help Service ${i + 1}`,
    });
  }
  const partners: HistoryOrganisation["partners"] = [];
  for (const [type, count] of partnerCounts(size.staff)) {
    for (let i = 0; i < count; i += 1) {
      const id = random.uuid();
      partners.push({ id, type });
      agencyRows.push({
        id,
        authorityId,
        type,
        name: `${random.pick(surnames)} ${agencyWords[type]} ${i + 1}`,
      });
    }
  }
  await insertInBatches(db, agencies, agencyRows);

  // Practitioners: half in the services, half spread over the partners.
  const practitionerCount = Math.max(agencyRows.length, Math.round(size.staff * 0.88));
  const perService = Math.max(1, Math.round((practitionerCount * 0.5) / services.length));
  const perPartner = Math.max(1, Math.round((practitionerCount * 0.5) / partners.length));
  const userRows: (typeof users.$inferInsert)[] = [];
  const serviceLeads = new Map<string, StaffMember[]>();
  const partnerStaff = new Map<string, StaffMember[]>();
  const managers = new Map<string, StaffMember[]>();
  let n = 0;
  const person = (
    role: "practitioner" | "manager" | "partnership_analyst" | "administrator",
    agencyId: string | null,
    jobTitle: string,
    managerId: string | null,
  ) => {
    n += 1;
    const id = random.uuid();
    const displayName = `${random.pick(givenNames)} ${random.pick(surnames)}`;
    userRows.push({
      id,
      authorityId,
      email: `${role.replace("_", "-")}-${n}@${size.emailDomain}`,
      displayName,
      jobTitle,
      role,
      agencyId,
      managerId,
      status: "active",
      passwordHash: size.passwordHash,
    });
    return { id, agencyId: agencyId ?? "", displayName, managerId };
  };
  const staffAgency = (
    agencyId: string,
    count: number,
    title: string,
    into: Map<string, StaffMember[]>,
  ) => {
    const teamManagers: StaffMember[] = [];
    for (let m = 0; m < Math.max(1, Math.ceil(count / 8)); m += 1) {
      teamManagers.push(person("manager", agencyId, "Team Manager", null));
    }
    managers.set(agencyId, teamManagers);
    const list: StaffMember[] = [];
    for (let p = 0; p < count; p += 1) {
      list.push(
        person("practitioner", agencyId, title, teamManagers[Math.floor(p / 8)]?.id ?? null),
      );
    }
    into.set(agencyId, list);
  };
  for (const service of services)
    staffAgency(service.id, perService, "Family Support Worker", serviceLeads);
  for (const partner of partners) staffAgency(partner.id, perPartner, "Practitioner", partnerStaff);
  person("partnership_analyst", null, "Partnership Analyst", null);
  person("partnership_analyst", null, "Partnership Analyst", null);
  person("administrator", null, "Service Administrator", null);
  await insertInBatches(db, users, userRows);

  return {
    authorityId,
    localities: syntheticLocalities,
    services,
    partners,
    serviceLeads,
    partnerStaff,
    managers,
    referencePrefix: "SYN",
  };
}
