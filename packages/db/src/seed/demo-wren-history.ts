import type { Executor } from "../client";
import { isoDay, workdayAt } from "./demo-dates";
import { familyBuilder } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import { initialAgenda, meetingBuilder, reviewAgenda } from "./demo-meeting-builder";
import type { DemoOrganisation } from "./demo-organisation";
import { type WrenPeople, wrenFirstAssessment, wrenFirstPlan } from "./demo-wren-words";

/**
 * Episode 1: during Mum's illness; closed about seven months ago when the
 * hospice family team took over. The 3-month follow-up is answered; the
 * 6-month one fell due about a month ago and is unanswered, so it shows on
 * the lead's "My work".
 */
export async function wrenFirstEpisode(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: WrenPeople,
) {
  const { staff, agencyId, authority } = org;
  const lead = staff.lead.id;
  const manager = staff.manager.id;
  const j = journeyBuilder(db, familyId);
  const m = meetingBuilder(db, familyId);
  const f = familyBuilder(db, familyId);
  const episode = await j.episodeNumbered(1);
  const request = await j.request({
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Wren family",
    childMemberIds: [people.leo, people.mia, people.finn],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("hollybrook"),
    requesterName: "Bea Carrow, Family Liaison Officer, Hollybrook Primary School",
    requestedOn: isoDay(workdayAt(-300)),
    worries:
      "Mum is having treatment for cancer; Mia is tearful and often late, and her older sister Nadia is doing most of the caring.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: manager,
    triagedAt: workdayAt(-299, 15),
    allocatedLeadId: lead,
    createdBy: manager,
    createdAt: workdayAt(-300, 11),
  });
  await j.linkRequest(request.id, episode.id);
  const assessment = await j.completedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-296),
    submittedAt: workdayAt(-287, 16),
    signedOffAt: workdayAt(-285, 10),
    leadId: lead,
    managerId: manager,
    contributors: [{ userId: lead, at: workdayAt(-296) }],
    words: wrenFirstAssessment(people),
  });
  const areas = (scores: [number, number, number]) => [
    { area: "family_relationships" as const, memberId: people.mia, score: scores[0] },
    { area: "education" as const, memberId: people.mia, score: scores[1] },
    { area: "financial_stability" as const, score: scores[2] },
  ];
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-287, 15),
    recordedBy: lead,
    scores: areas([4, 5, 4]),
  });
  await m.planDocument(wrenFirstPlan);
  const mornings = await f.outcome(
    "education",
    "Mia gets to school on time on Mum's hospital days",
    "No late marks on hospital days for six weeks",
    -230,
    lead,
    { episodeId: episode.id, createdDaysAgo: 278, status: "achieved" },
  );
  const talk = await f.outcome(
    "family_relationships",
    "Mia has someone at school she can talk to",
    "Mia sees her trusted adult every week and says it helps",
    -230,
    lead,
    { episodeId: episode.id, createdDaysAgo: 278, status: "achieved" },
  );
  await m.heldMeeting({
    kind: "initial",
    at: workdayAt(-278),
    chairId: lead,
    location: "Hollybrook Primary School, family room",
    agenda: initialAgenda,
    practitionerIds: [lead],
    memberIds: [people.nadia],
    decisions: ["Breakfast club place for Mia and Finn on hospital days."],
  });
  const held = await m.heldMeeting({
    kind: "review",
    at: workdayAt(-222),
    chairId: lead,
    location: "Hollybrook Primary School, family room",
    agenda: reviewAgenda,
    practitionerIds: [lead],
    memberIds: [people.nadia],
    decisions: ["Close Early Help: the hospice family support team now supports the children."],
  });
  const review = await m.review({
    episodeId: episode.id,
    meeting: held,
    verdict: "positive_change",
    decision: "close",
    nextReviewOn: null,
    summary:
      "Mia's attendance is back to 96% and she sees Mrs Dale weekly. The hospice family team now visits; Nadia agreed to close.",
    recordedBy: lead,
  });
  await j.scores({
    episodeId: episode.id,
    stage: "review",
    reviewId: review.id,
    at: held.scheduledFor,
    recordedBy: lead,
    scores: areas([6, 7, 5]),
  });
  const closedAt = workdayAt(-215, 15);
  await j.scores({
    episodeId: episode.id,
    stage: "closure",
    at: closedAt,
    recordedBy: lead,
    scores: areas([6, 7, 5]),
  });
  await j.closeEpisode({
    episodeId: episode.id,
    at: closedAt,
    by: lead,
    reason: "other_service",
    summary:
      "The hospice family support team now supports the children; Mia's attendance is back to 96%.",
    results: [
      { outcomeId: mornings.id, result: "met" },
      { outcomeId: talk.id, result: "met" },
    ],
    followUps: [
      {
        result: "sustained",
        note: "Hospice family team still visiting; Mia's attendance 95%.",
        at: workdayAt(-121),
      },
    ],
  });
  await j.feedback({
    episodeId: episode.id,
    occasion: "closure",
    offeredAt: closedAt,
    answers: [
      {
        memberId: people.nadia,
        respected: 5,
        listenedTo: 5,
        helped: 5,
        wouldRecommend: 5,
        comment: null,
        shareWithLead: false,
        answeredAt: workdayAt(-212, 21),
      },
    ],
  });
  return episode;
}
