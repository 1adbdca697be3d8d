import type { Executor } from "../client";
import { signOffDecisions } from "../schema";
import { isoDay, workdayAt } from "./demo-dates";
import { dateFromNow, familyBuilder, insertFamily } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import { marshAssessment } from "./demo-marsh-words";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * The Marsh family: the father asked the Early Help service for help himself;
 * the service accepted the request (so, as accepting one does, it owns the case)
 * with the school's pastoral lead as lead professional, who has sent the
 * assessment to the service's manager for sign-off, where it waits.
 */
export async function seedMarshFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, authority } = org;
  const lead = staff.pastoral.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0003",
      displayName: "The Marsh family",
      levelOfNeed: 2,
      status: "assessment_started",
      createdBy: lead,
      createdAt: workdayAt(-12, 9),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  const home = {
    address: "3 Fernhollow Close, Eastmoor EM6 2PW",
    gpPractice: "Lantern Walk Surgery",
  };
  // A 14-year-old whose attendance has fallen with anxiety.
  const chris = await f.member({
    kind: "adult",
    givenName: "Chris",
    familyName: "Marsh",
    relationship: "father",
    parentalResponsibility: true,
    dateOfBirth: "1981-11-02",
    ...home,
    phone: "01632 960418",
    email: "chris.marsh@example.test",
    preferredLanguage: "English",
  });
  const ana = await f.member({
    kind: "adult",
    givenName: "Ana",
    familyName: "Marsh",
    relationship: "mother",
    parentalResponsibility: true,
    dateOfBirth: "1983-05-27",
    ...home,
    phone: "07700 900233",
    preferredLanguage: "Portuguese",
    interpreterNeeded: true,
    communicationNeeds: "A Portuguese interpreter for meetings and phone calls.",
    ethnicity: "White: Portuguese",
    religion: "Roman Catholic",
  });
  const dani = await f.member({
    kind: "child",
    givenName: "Dani",
    familyName: "Marsh",
    dateOfBirth: dateFromNow(-(14 * 365 + 40)),
    school: "Riverside Academy",
    needs: ["education", "health"],
    ...home,
    disabilityOrSen: "Anxiety; SEN support at school",
  });
  await marshJourney(db, org, family.id, { chris: chris.id, ana: ana.id, dani: dani.id });
  return family;
}

async function marshJourney(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: { chris: string; ana: string; dani: string },
) {
  const { staff, agencyId, authority } = org;
  const lead = staff.pastoral.id;
  const j = journeyBuilder(db, familyId);
  const f = familyBuilder(db, familyId);
  const episode = await j.episodeNumbered(1);
  const request = await j.request({
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Marsh family",
    children: [{ givenName: "Dani", familyName: "Marsh", dateOfBirth: null }],
    childMemberIds: [people.dani],
    requesterKind: "family",
    requesterName: "Chris Marsh, Dani's father (by phone to the front door)",
    requestedOn: isoDay(workdayAt(-16)),
    worries:
      "Dani (14) has panic attacks before school and her attendance has fallen to 71%; her parents do not know how to help.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: staff.manager.id,
    triagedAt: workdayAt(-14, 15),
    allocatedLeadId: lead,
    createdBy: staff.lead.id,
    createdAt: workdayAt(-16, 10),
  });
  await j.linkRequest(request.id, episode.id);

  await f.agreement(people.chris, lead, 11);
  await f.agreement(people.ana, lead, 11);
  const consent = await f.consent({
    givenBy: people.chris,
    covers: [people.chris, people.ana, people.dani],
    agencyIds: [agencyId("riverside"), agencyId("health"), agencyId("earlyHelp")],
    kinds: ["education", "health", "mental_health"],
    obtainedBy: lead,
    daysAgo: 10,
  });
  await f.teamMember(staff.lead.id, consent.id, lead, 10);

  const assessment = await j.submittedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-11, 11),
    submittedAt: workdayAt(-1, 16),
    leadId: lead,
    contributors: [
      { userId: lead, at: workdayAt(-11, 11) },
      { userId: staff.lead.id, at: workdayAt(-8, 14) },
    ],
    words: marshAssessment(people),
  });
  // Sent once before and returned, so the sign-off queue shows a decision's history
  // whatever day the demo is seeded on.
  await db.insert(signOffDecisions).values({
    familyId,
    episodeId: episode.id,
    subject: "assessment",
    subjectId: assessment.id,
    decision: "returned",
    comments: "Please add Dani's own words about school mornings.",
    decidedBy: staff.manager.id,
    decidedAt: workdayAt(-3, 12),
  });
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-2, 15),
    recordedBy: lead,
    scores: [
      {
        area: "education",
        memberId: people.dani,
        score: 3,
        strengths: "Bright; good relationship with her form tutor.",
        needs: "Attendance 71%; panic attacks at the gates.",
      },
      { area: "education", memberId: people.dani, score: 4, byFamily: true },
      {
        area: "health",
        memberId: people.dani,
        score: 4,
        strengths: "Still swims every Saturday.",
        needs: "Panic attacks most mornings; withdrawn after school.",
      },
      {
        area: "family_relationships",
        score: 6,
        strengths: "Loving, united parents.",
        needs: "Arguments about whether to make Dani go in.",
      },
    ],
  });

  const attendance = await f.outcome(
    "education",
    "Dani feels able to go to school",
    "Attendance back above 90% for six weeks",
    56,
    lead,
    { episodeId: episode.id, createdDaysAgo: 8 },
  );
  await f.action({
    outcomeId: attendance.id,
    text: "Set up a quiet start in the library for the first lesson",
    dueInDays: 2,
    createdBy: lead,
    createdDaysAgo: 8,
    owners: [{ userId: lead }],
  });
  await f.action({
    outcomeId: attendance.id,
    text: "Share the school-based counselling referral options with Chris and Ana",
    dueInDays: 9,
    createdBy: lead,
    createdDaysAgo: 8,
    owners: [{ userId: staff.lead.id }],
  });
}
