import type { Executor } from "../client";
import { dateFromNow, daysFromNow, familyBuilder, insertFamily } from "./demo-family-builder";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * Three synthetic families whose situations read like everyday Early Help
 * work. Every name and detail is invented.
 */
export async function seedAshdownFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, familyUsers, authority } = org;
  const lead = staff.lead.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0001",
      displayName: "The Ashdown family",
      levelOfNeed: 3,
      status: "plan_active",
      createdBy: lead,
      createdAt: daysFromNow(-40),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  // Moved across the borough after a relationship breakdown; isolated; damp flat with repairs outstanding.
  const taylor = await f.member({
    kind: "adult",
    givenName: "Taylor",
    familyName: "Ashdown",
    relationship: "mother",
    parentalResponsibility: true,
    dateOfBirth: "1994-06-11",
    userId: familyUsers.parent.id,
  });
  const robin = await f.member({
    kind: "child",
    givenName: "Robin",
    familyName: "Ashdown",
    dateOfBirth: "2019-09-03",
    school: "Hollybrook Primary School",
    needs: ["health", "housing"],
  });
  const ellis = await f.member({
    kind: "child",
    givenName: "Ellis",
    familyName: "Ashdown",
    dateOfBirth: "2023-02-20",
    needs: ["early_years"],
  });
  await f.agreement(taylor.id, lead, 38);
  const consent = await f.consent({
    givenBy: taylor.id,
    covers: [taylor.id, robin.id, ellis.id],
    agencyIds: [
      agencyId("earlyHelp"),
      agencyId("health"),
      agencyId("housing"),
      agencyId("hollybrook"),
      agencyId("acorns"),
    ],
    kinds: ["contact_details", "health", "housing", "family_circumstances", "education"],
    obtainedBy: lead,
    daysAgo: 38,
    withheld: "Details of the previous relationship are not to be shared with the school.",
  });
  await f.teamMember(staff.healthVisitor.id, consent.id, lead);
  await f.share({
    informationKind: "housing",
    summary: "Damp and mould in the children's bedroom; repair reported three times.",
    sharedBy: lead,
    fromAgencyId: agencyId("earlyHelp"),
    toAgencyId: agencyId("housing"),
    purpose: "Ask for the repair to be prioritised because of Robin's asthma",
    sharedAt: daysFromNow(-30),
    consentId: consent.id,
    familyTold: true,
  });

  const home = await f.outcome(
    "housing",
    "Our home is warm and dry",
    "Repairs finished and no new damp for two months",
    60,
    lead,
  );
  await f.action({
    outcomeId: home.id,
    text: "Chase the landlord's repair team and confirm a date for the damp repair",
    dueInDays: -3,
    createdBy: lead,
    owners: [{ userId: lead }],
    note: { authorId: lead, text: "Left a message with the repairs desk; no date yet." },
  });
  await f.action({
    outcomeId: home.id,
    text: "Take photos of the mould each week and keep them together",
    dueInDays: 7,
    createdBy: lead,
    owners: [{ memberId: taylor.id }],
  });
  const health = await f.outcome(
    "health",
    "Robin's asthma is under control",
    "No night-time inhaler use for four weeks",
    45,
    staff.healthVisitor.id,
  );
  await f.action({
    outcomeId: health.id,
    text: "Book Robin's asthma review at the GP surgery",
    dueInDays: 10,
    createdBy: staff.healthVisitor.id,
    owners: [{ memberId: taylor.id }, { userId: staff.healthVisitor.id }],
  });
  const friends = await f.outcome(
    "family_relationships",
    "I know people nearby I can turn to",
    "Taylor goes to a group at least once a week",
    90,
    lead,
  );
  await f.action({
    outcomeId: friends.id,
    text: "Visit the Tuesday stay-and-play at the children's centre together",
    dueInDays: -10,
    createdBy: lead,
    owners: [{ memberId: taylor.id }, { userId: lead }],
    done: true,
  });
  await f.action({
    outcomeId: friends.id,
    text: "Find out about a nursery place for Ellis",
    dueInDays: 14,
    createdBy: lead,
    owners: [{ userId: lead }],
  });
  return family;
}

export async function seedWrenFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, familyUsers, authority } = org;
  const lead = staff.lead.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0002",
      displayName: "The Wren family",
      levelOfNeed: 3,
      status: "plan_active",
      createdBy: lead,
      createdAt: daysFromNow(-70),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  // An older sister caring for her three younger siblings after their mother died.
  const nadia = await f.member({
    kind: "adult",
    givenName: "Nadia",
    familyName: "Wren",
    relationship: "sister and special guardian",
    parentalResponsibility: true,
    dateOfBirth: "2002-04-18",
  });
  const leo = await f.member({
    kind: "child",
    givenName: "Leo",
    familyName: "Wren",
    dateOfBirth: dateFromNow(-(16 * 365 + 120)),
    school: "Riverside Academy",
    needs: ["education", "health"],
    judgedCompetent: true,
    userId: familyUsers.youngPerson.id,
  });
  const mia = await f.member({
    kind: "child",
    givenName: "Mia",
    familyName: "Wren",
    dateOfBirth: "2015-01-09",
    school: "Hollybrook Primary School",
    needs: ["family_relationships"],
  });
  const finn = await f.member({
    kind: "child",
    givenName: "Finn",
    familyName: "Wren",
    dateOfBirth: "2018-08-30",
    school: "Hollybrook Primary School",
    needs: ["health"],
  });
  await f.agreement(nadia.id, lead, 68);
  const consent = await f.consent({
    givenBy: nadia.id,
    covers: [nadia.id, mia.id, finn.id],
    agencyIds: [
      agencyId("earlyHelp"),
      agencyId("riverside"),
      agencyId("hollybrook"),
      agencyId("openDoor"),
    ],
    kinds: ["contact_details", "education", "family_circumstances", "finances", "mental_health"],
    obtainedBy: lead,
    daysAgo: 68,
  });
  await f.consent({
    givenBy: leo.id,
    covers: [leo.id],
    agencyIds: [agencyId("earlyHelp"), agencyId("riverside")],
    kinds: ["education", "mental_health"],
    obtainedBy: lead,
    daysAgo: 60,
  });
  await f.teamMember(staff.pastoral.id, consent.id, lead);
  const money = await f.outcome(
    "financial_stability",
    "We have enough money coming in each month",
    "Guardianship allowance and child benefit in payment",
    30,
    lead,
  );
  await f.action({
    outcomeId: money.id,
    text: "Help Nadia complete the guardianship allowance claim",
    dueInDays: -5,
    createdBy: lead,
    owners: [{ userId: lead }],
  });
  const grief = await f.outcome(
    "family_relationships",
    "Mia and Finn can talk about Mum and feel supported",
    "Both children attend bereavement sessions; Nadia reports fewer bad nights",
    84,
    lead,
  );
  await f.action({
    outcomeId: grief.id,
    text: "Refer Mia and Finn to the children's bereavement service",
    dueInDays: 5,
    createdBy: lead,
    owners: [{ userId: lead }],
  });
  const school = await f.outcome(
    "education",
    "Leo keeps up with his college course while helping at home",
    "Attendance above 90% this term",
    70,
    staff.pastoral.id,
  );
  await f.action({
    outcomeId: school.id,
    text: "Agree a young carer's pass for late arrivals",
    dueInDays: 3,
    createdBy: staff.pastoral.id,
    owners: [{ userId: staff.pastoral.id }],
  });
  await f.action({
    outcomeId: school.id,
    text: "Tell Casey which mornings are hardest",
    dueInDays: 6,
    createdBy: staff.pastoral.id,
    owners: [{ memberId: leo.id }],
  });
  return family;
}

export async function seedMarshFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, authority } = org;
  const lead = staff.pastoral.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("riverside"),
      reference: "EH-DEMO-0003",
      displayName: "The Marsh family",
      levelOfNeed: 2,
      status: "assessment_started",
      createdBy: lead,
      createdAt: daysFromNow(-12),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  // A 14-year-old whose attendance has fallen with anxiety.
  const chris = await f.member({
    kind: "adult",
    givenName: "Chris",
    familyName: "Marsh",
    relationship: "father",
    parentalResponsibility: true,
    dateOfBirth: "1981-11-02",
  });
  const dani = await f.member({
    kind: "child",
    givenName: "Dani",
    familyName: "Marsh",
    dateOfBirth: dateFromNow(-(14 * 365 + 40)),
    school: "Riverside Academy",
    needs: ["education", "health"],
  });
  await f.agreement(chris.id, lead, 10);
  const consent = await f.consent({
    givenBy: chris.id,
    covers: [chris.id, dani.id],
    agencyIds: [agencyId("riverside"), agencyId("health"), agencyId("earlyHelp")],
    kinds: ["education", "health", "mental_health"],
    obtainedBy: lead,
    daysAgo: 10,
  });
  await f.teamMember(staff.lead.id, consent.id, lead);
  const attendance = await f.outcome(
    "education",
    "Dani feels able to go to school",
    "Attendance back above 90% for six weeks",
    56,
    lead,
  );
  await f.action({
    outcomeId: attendance.id,
    text: "Set up a quiet start in the library for the first lesson",
    dueInDays: 2,
    createdBy: lead,
    owners: [{ userId: lead }],
  });
  await f.action({
    outcomeId: attendance.id,
    text: "Share the school-based counselling referral options with Chris",
    dueInDays: 9,
    createdBy: lead,
    owners: [{ userId: staff.lead.id }],
  });
  return family;
}
