import type { Executor } from "../client";
import {
  buildAgency,
  buildAuthority,
  buildConsent,
  buildFamily,
  buildMember,
  buildTeamMember,
  buildUser,
} from "./factories";

/**
 * A whole small world for one test: a family with a lead professional, a team
 * member from another agency (on consent), a parent and a young person with
 * portal accounts, a manager of the lead's service, an administrator, a
 * practitioner outside the team, and a second family with its own parent.
 */
export async function buildScenario(db: Executor) {
  const authority = await buildAuthority(db);
  const school = await buildAgency(db, { authorityId: authority.id, type: "school" });
  const health = await buildAgency(db, { authorityId: authority.id, type: "health" });
  const housing = await buildAgency(db, { authorityId: authority.id, type: "housing" });
  const a = authority.id;

  const lead = await buildUser(db, { authorityId: a, role: "practitioner", agencyId: school.id });
  const teamMember = await buildUser(db, {
    authorityId: a,
    role: "practitioner",
    agencyId: health.id,
  });
  const outsider = await buildUser(db, {
    authorityId: a,
    role: "practitioner",
    agencyId: housing.id,
  });
  const manager = await buildUser(db, { authorityId: a, role: "manager", agencyId: school.id });
  const administrator = await buildUser(db, {
    authorityId: a,
    role: "administrator",
    agencyId: null,
  });
  const parentUser = await buildUser(db, { authorityId: a, role: "family_member", agencyId: null });
  const otherParentUser = await buildUser(db, {
    authorityId: a,
    role: "family_member",
    agencyId: null,
  });

  const family = await buildFamily(db, { lead, status: "plan_active" });
  const parent = await buildMember(db, {
    familyId: family.id,
    kind: "adult",
    relationship: "mother",
    parentalResponsibility: true,
    userId: parentUser.id,
  });
  const child = await buildMember(db, {
    familyId: family.id,
    kind: "child",
    givenName: "Robin",
    dateOfBirth: "2015-03-02",
    school: "Test Primary",
  });
  const consent = await buildConsent(db, {
    familyId: family.id,
    givenByMemberId: parent.id,
    coversMemberIds: [parent.id, child.id],
    agencyIds: [school.id, health.id],
    obtainedBy: lead.id,
  });
  await buildTeamMember(db, { familyId: family.id, userId: teamMember.id, consentId: consent.id });

  const otherLead = await buildUser(db, {
    authorityId: a,
    role: "practitioner",
    agencyId: housing.id,
  });
  const otherFamily = await buildFamily(db, { lead: otherLead, status: "plan_active" });
  const otherParent = await buildMember(db, {
    familyId: otherFamily.id,
    parentalResponsibility: true,
    userId: otherParentUser.id,
  });

  return {
    authority,
    agencies: { school, health, housing },
    users: {
      lead,
      teamMember,
      outsider,
      manager,
      administrator,
      parentUser,
      otherParentUser,
      otherLead,
    },
    family,
    members: { parent, child },
    consent,
    otherFamily,
    otherParent,
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
