import { randomBytes } from "node:crypto";
import type { AgencyType, UserRole } from "@teamaround/domain";
import type { Executor } from "../client";
import {
  agencies,
  consents,
  families,
  familyMembers,
  localAuthorities,
  teamMemberships,
  users,
} from "../schema";

/** Factories write real rows through the same tables production uses. */

const unique = () => randomBytes(4).toString("hex");

const defaultLevels = [
  { level: 1, label: "Universal", description: "Needs met by universal services" },
  { level: 2, label: "Early help", description: "Additional needs, one or two services" },
  {
    level: 3,
    label: "Targeted early help",
    description: "Complex needs, a team around the family",
  },
  { level: 4, label: "Statutory", description: "Child in need or child protection" },
];

export async function buildAuthority(
  db: Executor,
  overrides: Partial<typeof localAuthorities.$inferInsert> = {},
) {
  const [row] = await db
    .insert(localAuthorities)
    .values({ name: `Test Authority ${unique()}`, levelsOfNeed: defaultLevels, ...overrides })
    .returning();
  if (!row) throw new Error("authority not inserted");
  return row;
}

export async function buildAgency(
  db: Executor,
  input: { authorityId: string; type?: AgencyType; name?: string },
) {
  const [row] = await db
    .insert(agencies)
    .values({
      authorityId: input.authorityId,
      type: input.type ?? "school",
      name: input.name ?? `Agency ${unique()}`,
    })
    .returning();
  if (!row) throw new Error("agency not inserted");
  return row;
}

export async function buildUser(
  db: Executor,
  input: { authorityId: string; role: UserRole; agencyId?: string | null } & Partial<
    typeof users.$inferInsert
  >,
) {
  const tag = unique();
  const [row] = await db
    .insert(users)
    .values({
      email: `${input.role}.${tag}@example.test`,
      displayName: `${input.role} ${tag}`,
      status: "active",
      ...input,
    })
    .returning();
  if (!row) throw new Error("user not inserted");
  return row;
}

/** A family with its lead professional already in the team. */
export async function buildFamily(
  db: Executor,
  input: { lead: { id: string; authorityId: string; agencyId: string | null } } & Partial<
    typeof families.$inferInsert
  >,
) {
  const { lead, ...overrides } = input;
  if (!lead.agencyId) throw new Error("a lead professional needs an agency");
  const [family] = await db
    .insert(families)
    .values({
      authorityId: lead.authorityId,
      owningAgencyId: lead.agencyId,
      reference: `EH-T-${unique()}`,
      displayName: `Test family ${unique()}`,
      levelOfNeed: 2,
      createdBy: lead.id,
      ...overrides,
    })
    .returning();
  if (!family) throw new Error("family not inserted");
  await db
    .insert(teamMemberships)
    .values({ familyId: family.id, userId: lead.id, role: "lead_professional", addedBy: lead.id });
  return family;
}

export async function buildMember(
  db: Executor,
  input: { familyId: string } & Partial<typeof familyMembers.$inferInsert>,
) {
  const [row] = await db
    .insert(familyMembers)
    .values({ kind: "adult", givenName: "Sam", familyName: `Test${unique()}`, ...input })
    .returning();
  if (!row) throw new Error("member not inserted");
  return row;
}

export async function buildConsent(
  db: Executor,
  input: {
    familyId: string;
    givenByMemberId: string;
    agencyIds: string[];
    obtainedBy: string;
  } & Partial<typeof consents.$inferInsert>,
) {
  const [row] = await db
    .insert(consents)
    .values({
      coversMemberIds: [input.givenByMemberId],
      decision: "given",
      informationKinds: ["education", "health", "family_circumstances"],
      method: "in_person",
      obtainedAt: new Date(),
      ...input,
    })
    .returning();
  if (!row) throw new Error("consent not inserted");
  return row;
}

export async function buildTeamMember(
  db: Executor,
  input: { familyId: string; userId: string; consentId?: string; lawfulBasisId?: string },
) {
  const [row] = await db
    .insert(teamMemberships)
    .values({ role: "member", ...input })
    .returning();
  if (!row) throw new Error("team membership not inserted");
  return row;
}
