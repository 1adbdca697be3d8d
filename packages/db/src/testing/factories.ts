import { randomBytes, randomUUID } from "node:crypto";
import type { AgencyType, UserRole } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { openFamily } from "../queries/open-family";
import { buildPlanVersionContent } from "../queries/plan-version-content";
import { planVersionHash } from "../queries/plan-version-hash";
import {
  agencies,
  consents,
  type families,
  familyMembers,
  localAuthorities,
  meetingInvitees,
  meetings,
  planVersions,
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
  const { family } = await openFamily(db, {
    family: {
      authorityId: lead.authorityId,
      owningAgencyId: lead.agencyId,
      reference: `EH-T-${unique()}`,
      displayName: `Test family ${unique()}`,
      levelOfNeed: 2,
      createdBy: lead.id,
      ...overrides,
    },
    leadId: lead.id,
    origin: overrides.origin === "stepped_down" ? "stepped_down" : "request_for_help",
    openedAt: overrides.createdAt ?? new Date(),
  });
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

/**
 * A meeting chaired by `chairUserId` (in the future, scheduled, two agenda
 * items, unless overridden), with its invitees.
 */
export async function buildMeeting(
  db: Executor,
  input: {
    familyId: string;
    chairUserId: string;
    invitedUserIds?: string[];
    invitedMemberIds?: string[];
  } & Partial<typeof meetings.$inferInsert>,
) {
  const { invitedUserIds = [], invitedMemberIds = [], ...overrides } = input;
  const live = overrides.state === "live";
  const [row] = await db
    .insert(meetings)
    .values({
      kind: "review",
      scheduledFor: new Date(Date.now() + (live ? 0 : 7 * 86_400_000)),
      createdBy: input.chairUserId,
      agenda: [
        { id: randomUUID(), title: "What is working well" },
        { id: randomUUID(), title: "Actions" },
      ],
      startedAt: live ? new Date() : null,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("meeting not inserted");
  const invitees = [
    ...[...new Set([input.chairUserId, ...invitedUserIds])].map((userId) => ({ userId })),
    ...invitedMemberIds.map((memberId) => ({ memberId })),
  ];
  await db
    .insert(meetingInvitees)
    .values(invitees.map((i) => ({ meetingId: row.id, familyId: row.familyId, ...i })));
  return row;
}

/**
 * A meeting that has been held: ended now, with the plan version the end of a
 * meeting stores (built by the same code, from the family's current records).
 */
export async function buildHeldMeeting(db: Executor, input: Parameters<typeof buildMeeting>[1]) {
  const endedAt = new Date();
  const meeting = await buildMeeting(db, {
    scheduledFor: new Date(endedAt.getTime() - 3_600_000),
    startedAt: new Date(endedAt.getTime() - 3_600_000),
    ...input,
    state: "ended",
    endedAt,
  });
  const { content, snapshots } = await buildPlanVersionContent(db, { ...meeting, endedAt });
  const existing = await db
    .select({ number: planVersions.number })
    .from(planVersions)
    .where(eq(planVersions.familyId, meeting.familyId));
  const number = Math.max(0, ...existing.map((v) => v.number)) + 1;
  const [version] = await db
    .insert(planVersions)
    .values({
      familyId: meeting.familyId,
      meetingId: meeting.id,
      number,
      content,
      snapshots,
      contentHash: planVersionHash(content, snapshots),
      createdAt: endedAt,
    })
    .returning();
  if (!version) throw new Error("plan version not inserted");
  return { meeting, version };
}
