import type { Executor } from "@teamaround/db";
import { buildMember, buildScenario, buildUser } from "@teamaround/db/testing";
import { buildAction, buildOutcome, dayOffset } from "./plan-fixtures";

/**
 * A family where the audiences matter: the scenario's parent (with parental
 * responsibility and a portal account) and a 16-year-old with their own
 * portal account; an outcome for adults with parental responsibility (the
 * parent's benefit claim) with its action, and a whole-family outcome with
 * one action for the young person only and one for the parent.
 */
export async function buildAudienceWorld(db: Executor) {
  const s = await buildScenario(db);
  const lead = s.users.lead.id;
  const teenUser = await buildUser(db, {
    authorityId: s.authority.id,
    role: "family_member",
    agencyId: null,
  });
  const teen = await buildMember(db, {
    familyId: s.family.id,
    kind: "child",
    givenName: "Jordan",
    dateOfBirth: dayOffset(new Date(), -(16 * 365 + 30)),
    userId: teenUser.id,
  });
  const benefits = await buildOutcome(db, {
    familyId: s.family.id,
    createdBy: lead,
    title: "Mum's benefit claim is sorted",
    audience: "parental_responsibility",
  });
  const claimAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: benefits.id,
    createdBy: lead,
    text: "Send the claim form back",
    owners: [{ memberId: s.members.parent.id }],
  });
  const school = await buildOutcome(db, {
    familyId: s.family.id,
    createdBy: lead,
    title: "Everyone settles at school",
  });
  const teenAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: school.id,
    createdBy: lead,
    text: "Jordan sees the sexual health nurse",
    owners: [{ memberId: teen.id }],
    audience: "young_person",
    audienceMemberIds: [teen.id],
  });
  const parentAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: school.id,
    createdBy: lead,
    text: "Sibling's referral to CAMHS",
    owners: [{ userId: lead }],
    audience: "parental_responsibility",
  });
  const openAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: school.id,
    createdBy: lead,
    text: "Walk to school together",
    owners: [{ memberId: s.members.parent.id }],
  });
  return {
    s,
    teen,
    teenUser,
    benefits,
    claimAction,
    school,
    teenAction,
    parentAction,
    openAction,
  };
}

export type AudienceWorld = Awaited<ReturnType<typeof buildAudienceWorld>>;
