import { createSession, defaultSessionPolicy, sessionCookieName } from "@teamaround/auth";
import type { Database, Executor } from "@teamaround/db";
import {
  buildAgency,
  buildAuthority,
  buildConsent,
  buildFamily,
  buildMeeting,
  buildMember,
  buildTeamMember,
  buildUser,
} from "@teamaround/db/testing";
import type { BenchRoom, BenchUser } from "../protocol";

export interface Agencies {
  authorityId: string;
  agencyIds: string[];
}

/** One authority and a few agencies the bench's practitioners belong to. */
export async function seedAgencies(db: Database): Promise<Agencies> {
  const authority = await buildAuthority(db);
  const agencyIds: string[] = [];
  for (const type of ["school", "health", "housing"] as const) {
    agencyIds.push((await buildAgency(db, { authorityId: authority.id, type })).id);
  }
  return { authorityId: authority.id, agencyIds };
}

/** A session made the way sign-in makes one (second factor done), as a `Cookie` header. */
export async function signedIn(db: Executor, userId: string): Promise<BenchUser> {
  const { token } = await createSession(
    db,
    userId,
    { ipAddress: "127.0.0.1", userAgent: "teamaround-bench", twoFactorVerified: true },
    defaultSessionPolicy,
  );
  return { userId, cookie: `${sessionCookieName}=${token}` };
}

/**
 * A family (a parent who consented to sharing) whose lead professional and
 * `clients − 1` team practitioners (all read-write on `plan:`) each have a session, and a live meeting they are all
 * invited to, chaired by the lead. One transaction per room.
 */
export async function seedRoom(db: Database, agencies: Agencies, clients: number) {
  return db.transaction(async (tx): Promise<BenchRoom> => {
    const agencyOf = (i: number) => agencies.agencyIds[i % agencies.agencyIds.length] ?? null;
    const lead = await buildUser(tx, {
      authorityId: agencies.authorityId,
      role: "practitioner",
      agencyId: agencyOf(0),
    });
    const family = await buildFamily(tx, { lead, status: "plan_active" });
    const parent = await buildMember(tx, {
      familyId: family.id,
      kind: "adult",
      relationship: "mother",
      parentalResponsibility: true,
    });
    const consent = await buildConsent(tx, {
      familyId: family.id,
      givenByMemberId: parent.id,
      agencyIds: agencies.agencyIds,
      obtainedBy: lead.id,
    });
    const users = [await signedIn(tx, lead.id)];
    for (let i = 1; i < clients; i++) {
      const member = await buildUser(tx, {
        authorityId: agencies.authorityId,
        role: "practitioner",
        agencyId: agencyOf(i),
      });
      await buildTeamMember(tx, { familyId: family.id, userId: member.id, consentId: consent.id });
      users.push(await signedIn(tx, member.id));
    }
    const meeting = await buildMeeting(tx, {
      familyId: family.id,
      chairUserId: lead.id,
      invitedUserIds: users.map((u) => u.userId),
      state: "live",
    });
    return {
      familyId: family.id,
      documentName: `plan:${family.id}`,
      meetingId: meeting.id,
      users,
    };
  });
}
