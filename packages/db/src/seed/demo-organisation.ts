import type { AgencyType } from "@teamaround/domain";
import type { Executor } from "../client";
import { agencies, localAuthorities, users } from "../schema";

/** A fictional authority: every name here is invented. */
export const demoAuthorityName = "Eastmoor Borough Council (demo)";

/** The demo authority's localities (area teams); every name is invented. */
export const demoLocalities = ["Northgate", "Southmere", "Eastfield", "Westbrook"];

/** Where each agency is told of withdrawn consent; Open Door has none, so the demo shows both. */
const contact = (box: string) => `${box}@agencies.demo.teamaround.test`;

const agencyList: { key: string; name: string; type: AgencyType; contactEmail: string | null }[] = [
  {
    key: "earlyHelp",
    name: "Eastmoor Early Help Service",
    type: "other",
    contactEmail: contact("early-help"),
  },
  {
    key: "hollybrook",
    name: "Hollybrook Primary School",
    type: "school",
    contactEmail: contact("hollybrook-safeguarding"),
  },
  {
    key: "riverside",
    name: "Riverside Academy",
    type: "school",
    contactEmail: contact("riverside-safeguarding"),
  },
  {
    key: "acorns",
    name: "Little Acorns Nursery",
    type: "early_years",
    contactEmail: contact("acorns"),
  },
  {
    key: "health",
    name: "Eastmoor Health Visiting Team",
    type: "health",
    contactEmail: contact("health-visiting"),
  },
  {
    key: "police",
    name: "Eastmoor Neighbourhood Policing",
    type: "police",
    contactEmail: contact("police-mash"),
  },
  { key: "housing", name: "Eastmoor Homes", type: "housing", contactEmail: contact("homes") },
  {
    key: "socialCare",
    name: "Eastmoor Children's Social Care",
    type: "childrens_social_care",
    contactEmail: contact("front-door"),
  },
  {
    key: "adults",
    name: "Eastmoor Adult Services",
    type: "adult_services",
    contactEmail: contact("adults"),
  },
  { key: "openDoor", name: "Open Door Family Support", type: "voluntary", contactEmail: null },
];

export const demoStaff = [
  {
    key: "lead",
    email: "lead@demo.teamaround.test",
    displayName: "Jordan Hale",
    jobTitle: "Family Support Worker",
    role: "practitioner",
    agency: "earlyHelp",
  },
  {
    key: "healthVisitor",
    email: "health@demo.teamaround.test",
    displayName: "Sam Okafor",
    jobTitle: "Health Visitor",
    role: "practitioner",
    agency: "health",
  },
  {
    key: "pastoral",
    email: "school@demo.teamaround.test",
    displayName: "Casey Lindqvist",
    jobTitle: "Pastoral Lead",
    role: "practitioner",
    agency: "riverside",
  },
  {
    key: "manager",
    email: "manager@demo.teamaround.test",
    displayName: "Morgan Ellis",
    jobTitle: "Early Help Team Manager",
    role: "manager",
    agency: "earlyHelp",
  },
  {
    key: "analyst",
    email: "analyst@demo.teamaround.test",
    displayName: "Rowan Fairley",
    jobTitle: "Partnership Analyst",
    role: "partnership_analyst",
    agency: null,
  },
  {
    key: "admin",
    email: "admin@demo.teamaround.test",
    displayName: "Avery Quinn",
    jobTitle: "Service Administrator",
    role: "administrator",
    agency: null,
  },
] as const;

export const demoFamilyAccounts = [
  { key: "parent", email: "parent@demo.teamaround.test", displayName: "Taylor Ashdown" },
  { key: "youngPerson", email: "young.person@demo.teamaround.test", displayName: "Leo Wren" },
] as const;

export type DemoStaffKey = (typeof demoStaff)[number]["key"];
export type DemoFamilyAccountKey = (typeof demoFamilyAccounts)[number]["key"];

export async function seedOrganisation(db: Executor, passwordHash: string) {
  const [authority] = await db
    .insert(localAuthorities)
    .values({
      name: demoAuthorityName,
      levelsOfNeed: [
        { level: 1, label: "Universal", description: "Needs met by universal services" },
        {
          level: 2,
          label: "Early help",
          description: "Additional needs met by one or two services",
        },
        {
          level: 3,
          label: "Targeted early help",
          description: "Complex needs: a team around the family",
        },
        { level: 4, label: "Statutory", description: "Child in need or child protection" },
      ],
      leadProfessionalTitle: "Lead professional",
      localities: demoLocalities,
    })
    .returning();
  if (!authority) throw new Error("demo authority not created");

  const agencyRows = await db
    .insert(agencies)
    .values(
      agencyList.map(({ name, type, contactEmail }) => ({
        authorityId: authority.id,
        name,
        type,
        contactEmail,
      })),
    )
    .returning();
  const agencyId = (key: string) => {
    const name = agencyList.find((a) => a.key === key)?.name;
    const row = agencyRows.find((a) => a.name === name);
    if (!row) throw new Error(`demo agency ${key} missing`);
    return row.id;
  };

  const staffRows = await db
    .insert(users)
    .values(
      demoStaff.map((s) => ({
        authorityId: authority.id,
        email: s.email,
        displayName: s.displayName,
        jobTitle: s.jobTitle,
        role: s.role,
        agencyId: s.agency ? agencyId(s.agency) : null,
        status: "active" as const,
        passwordHash,
      })),
    )
    .returning();
  const familyRows = await db
    .insert(users)
    .values(
      demoFamilyAccounts.map((f) => ({
        authorityId: authority.id,
        email: f.email,
        displayName: f.displayName,
        role: "family_member" as const,
        status: "active" as const,
        passwordHash,
      })),
    )
    .returning();

  const byEmail = (email: string) => {
    const row = [...staffRows, ...familyRows].find((u) => u.email === email);
    if (!row) throw new Error(`demo user ${email} missing`);
    return row;
  };
  const staff = Object.fromEntries(demoStaff.map((s) => [s.key, byEmail(s.email)])) as Record<
    DemoStaffKey,
    typeof users.$inferSelect
  >;
  const familyUsers = Object.fromEntries(
    demoFamilyAccounts.map((f) => [f.key, byEmail(f.email)]),
  ) as Record<DemoFamilyAccountKey, typeof users.$inferSelect>;
  return { authority, agencyId, staff, familyUsers };
}

export type DemoOrganisation = Awaited<ReturnType<typeof seedOrganisation>>;
