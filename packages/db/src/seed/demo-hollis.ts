import type { Executor } from "../client";
import { closureProposals } from "../schema";
import { dayAfter, isoDay, workdayAt } from "./demo-dates";
import { dateFromNow, familyBuilder, insertFamily } from "./demo-family-builder";
import { hollisAssessment, hollisPlan } from "./demo-hollis-words";
import { type DemoScore, journeyBuilder } from "./demo-journey-builder";
import { initialAgenda, meetingBuilder, reviewAgenda } from "./demo-meeting-builder";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * The Hollis family: five months of Early Help after Kai's exclusion scare,
 * the plan's outcomes met, and a closing review that decided to close. The
 * lead has proposed the closure and it waits for the service manager's
 * sign-off (the authority asks for it): the case stays open, and the family
 * sees nothing of it.
 */
export async function seedHollisFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, authority } = org;
  const lead = staff.lead.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0004",
      displayName: "The Hollis family",
      levelOfNeed: 2,
      locality: authority.localities[0] ?? null,
      status: "assessment_started",
      createdBy: lead,
      createdAt: workdayAt(-157, 9),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  const home = { address: "22 Larkspur Row, Eastmoor EM3 8QT", gpPractice: "Mill Race Surgery" };
  const dee = await f.member({
    kind: "adult",
    givenName: "Dee",
    familyName: "Hollis",
    relationship: "mother",
    parentalResponsibility: true,
    dateOfBirth: "1988-02-14",
    ...home,
    phone: "07700 900844",
  });
  const kai = await f.member({
    kind: "child",
    givenName: "Kai",
    familyName: "Hollis",
    dateOfBirth: dateFromNow(-(10 * 365 + 200)),
    school: "Hollybrook Primary School",
    needs: ["education", "family_relationships"],
    ...home,
  });
  await hollisJourney(db, org, family.id, { dee: dee.id, kai: kai.id });
  await journeyBuilder(db, family.id).mirrorLatestEpisode();
  return family;
}

async function hollisJourney(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: { dee: string; kai: string },
) {
  const { staff, agencyId, authority } = org;
  const lead = staff.lead.id;
  const hv = staff.healthVisitor.id;
  const j = journeyBuilder(db, familyId);
  const f = familyBuilder(db, familyId);
  const m = meetingBuilder(db, familyId);
  const episode = await j.episodeNumbered(1);
  const request = await j.request({
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Hollis family",
    childMemberIds: [people.kai],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("hollybrook"),
    requesterName: "Hollybrook Primary School, Year 5 teacher",
    requestedOn: isoDay(workdayAt(-160)),
    worries:
      "Kai (10) has had two fixed-term exclusions for fighting since his dad left; his mum is struggling with his anger at home.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: staff.manager.id,
    triagedAt: workdayAt(-158, 15),
    allocatedLeadId: lead,
    createdBy: lead,
    createdAt: workdayAt(-160, 11),
  });
  await j.linkRequest(request.id, episode.id);
  await f.agreement(people.dee, lead, 155);
  const consent = await f.consent({
    givenBy: people.dee,
    covers: [people.dee, people.kai],
    agencyIds: [agencyId("earlyHelp"), agencyId("hollybrook"), agencyId("health")],
    kinds: ["education", "health", "family_circumstances"],
    obtainedBy: lead,
    daysAgo: 155,
  });
  await f.teamMember(hv, consent.id, lead, 150);

  const signedOffAt = workdayAt(-140, 15);
  const assessment = await j.completedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-154, 10),
    submittedAt: workdayAt(-142, 16),
    signedOffAt,
    leadId: lead,
    managerId: staff.manager.id,
    contributors: [
      { userId: lead, at: workdayAt(-154, 10) },
      { userId: hv, at: workdayAt(-148, 14) },
    ],
    words: hollisAssessment(people),
  });
  // Kai's schooling and the family's evenings, scored together as things improved.
  const scoresOf = (education: number): DemoScore[] => [
    { area: "education", memberId: people.kai, score: education },
    { area: "family_relationships", score: education - 1 },
  ];
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-143, 15),
    recordedBy: lead,
    scores: scoresOf(3),
  });

  await m.planDocument(hollisPlan);
  const outcome = await f.outcome(
    "education",
    "Kai stays in school and in class",
    "No exclusion and no more than one incident a half term",
    -10,
    lead,
    { episodeId: episode.id, createdDaysAgo: 130, status: "achieved" },
  );
  const home = await f.outcome(
    "family_relationships",
    "Evenings at home are calmer",
    "Dee says there are no more than two blow-ups a week",
    -10,
    lead,
    { episodeId: episode.id, createdDaysAgo: 130, status: "achieved" },
  );
  for (const [outcomeId, text, owners] of [
    [outcome.id, "Set up a daily check-in with a learning mentor", [{ userId: lead }]],
    [home.id, "Join the Calmer Evenings parenting group", [{ memberId: people.dee }]],
    [home.id, "See Kai and Dee about sleep and screen time", [{ userId: hv }]],
  ] as const) {
    await f.action({
      outcomeId,
      text,
      dueInDays: -100,
      createdBy: lead,
      createdDaysAgo: 130,
      owners: [...owners],
      done: true,
      doneDaysAgo: 95,
    });
  }

  const meeting = { chairId: lead, location: "Hollybrook Primary School, meeting room" };
  const attending = { practitionerIds: [lead, hv], memberIds: [people.dee] };
  await m.heldMeeting({
    kind: "initial",
    at: workdayAt(-130),
    ...meeting,
    ...attending,
    agenda: initialAgenda,
    decisions: ["Jordan to set up a learning mentor check-in at school."],
  });
  const reviews = [
    { daysAgo: 88, education: 5, decision: "continue" as const },
    { daysAgo: 46, education: 7, decision: "continue" as const },
    { daysAgo: 4, education: 8, decision: "close" as const },
  ];
  for (const r of reviews) {
    const held = await m.heldMeeting({
      kind: "review",
      at: workdayAt(-r.daysAgo),
      ...meeting,
      ...attending,
      agenda: reviewAgenda,
      decisions: [
        r.decision === "close"
          ? "Both outcomes met: Jordan to propose closing the case."
          : "Continue the plan.",
      ],
    });
    const review = await m.review({
      episodeId: episode.id,
      meeting: held,
      verdict: "positive_change",
      decision: r.decision,
      nextReviewOn:
        r.decision === "close" ? null : dayAfter(held.scheduledFor, 7 * authority.reviewMinWeeks),
      summary:
        r.decision === "close"
          ? "No incident at school this half term and calmer evenings; Dee and Kai feel ready to stop."
          : "Fewer incidents at school; Dee has started the parenting group.",
      recordedBy: lead,
    });
    await j.scores({
      episodeId: episode.id,
      stage: "review",
      reviewId: review.id,
      at: held.scheduledFor,
      recordedBy: lead,
      scores: scoresOf(r.education),
    });
  }

  // The closure the lead proposed after the closing review, waiting for the manager.
  await db.insert(closureProposals).values({
    familyId,
    episodeId: episode.id,
    status: "waiting",
    reason: "outcomes_met",
    summary:
      "Kai has had no exclusion since March and sees his learning mentor every morning; Dee finished the parenting group and evenings are calmer. Both agreed at the closing review that they are ready to stop.",
    scores: [
      { area: "education", memberId: people.kai, scoredBy: "practitioners", score: 8 },
      { area: "family_relationships", scoredBy: "practitioners", score: 7 },
    ],
    outcomeResults: [
      { outcomeId: outcome.id, result: "met" },
      { outcomeId: home.id, result: "met" },
    ],
    proposedBy: lead,
    proposedAt: workdayAt(-2, 16),
  });
}
