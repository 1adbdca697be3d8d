import type { Executor } from "../client";
import { ashdownFirstAssessment, ashdownFirstPlan } from "./demo-ashdown-words";
import { isoDay, workdayAt } from "./demo-dates";
import { familyBuilder } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import { initialAgenda, meetingBuilder, reviewAgenda } from "./demo-meeting-builder";
import type { DemoOrganisation } from "./demo-organisation";

export interface AshdownPeople {
  taylor: string;
  robin: string;
  ellis: string;
}

/** Episode 1: money and mornings, about 17 months ago; closed with outcomes met ~14.6 months ago. */
export async function ashdownFirstEpisode(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: AshdownPeople,
) {
  const { staff, agencyId } = org;
  const lead = staff.lead.id;
  const manager = staff.manager.id;
  const j = journeyBuilder(db, familyId);
  const m = meetingBuilder(db, familyId);
  const episode = await j.episodeNumbered(1);
  const request = await j.request({
    authorityId: org.authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Ashdown family",
    childMemberIds: [people.robin, people.ellis],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("hollybrook"),
    requesterName: "Bea Carrow, Family Liaison Officer, Hollybrook Primary School",
    requestedOn: isoDay(workdayAt(-512)),
    worries:
      "Robin's attendance in Reception has fallen to 84% since a benefit change left the family in rent arrears, and his mum says she is struggling with low mood.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: manager,
    triagedAt: workdayAt(-510, 14),
    allocatedLeadId: lead,
    createdBy: manager,
    createdAt: workdayAt(-512, 11),
  });
  await j.linkRequest(request.id, episode.id);
  const assessment = await j.completedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-507),
    submittedAt: workdayAt(-497, 16),
    signedOffAt: workdayAt(-495, 11),
    leadId: lead,
    managerId: manager,
    contributors: [{ userId: lead, at: workdayAt(-507) }],
    words: ashdownFirstAssessment(people),
  });
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-497, 15),
    recordedBy: lead,
    scores: [
      {
        area: "financial_stability",
        score: 3,
        strengths: "Taylor budgets carefully.",
        needs: "Two months' rent arrears.",
      },
      {
        area: "education",
        memberId: people.robin,
        score: 4,
        strengths: "Robin enjoys school once he is there.",
        needs: "Attendance 84%; often late.",
      },
      {
        area: "family_relationships",
        score: 5,
        strengths: "Warm relationships at home.",
        needs: "Mornings are tense.",
      },
    ],
  });
  await m.planDocument(ashdownFirstPlan);
  const f = familyBuilder(db, familyId);
  const money = await f.outcome(
    "financial_stability",
    "Our money is sorted and the rent is paid",
    "Repayment plan agreed and no new arrears for two months",
    -430,
    lead,
    { episodeId: episode.id, createdDaysAgo: 488, status: "achieved" },
  );
  const school = await f.outcome(
    "education",
    "Robin gets to school on time every day",
    "Attendance above 95% for six weeks",
    -430,
    lead,
    { episodeId: episode.id, createdDaysAgo: 488, status: "achieved" },
  );
  await m.heldMeeting({
    kind: "initial",
    at: workdayAt(-488),
    chairId: lead,
    location: "Hollybrook Primary School, family room",
    agenda: initialAgenda,
    practitionerIds: [lead],
    memberIds: [people.taylor],
    decisions: [
      "Jordan to help Taylor ask for the benefit decision to be looked at again.",
      "School to offer Robin a soft start at the side gate from Monday.",
    ],
  });
  const closing = await m.heldMeeting({
    kind: "review",
    at: workdayAt(-447),
    chairId: lead,
    location: "Hollybrook Primary School, family room",
    agenda: reviewAgenda,
    practitionerIds: [lead],
    memberIds: [people.taylor],
    decisions: ["Outcomes met: the team agreed with Taylor to close Early Help."],
  });
  const review = await m.review({
    episodeId: episode.id,
    meeting: closing,
    verdict: "positive_change",
    decision: "close",
    nextReviewOn: null,
    summary:
      "The benefit decision was changed and the arrears are being repaid. Robin's attendance is 97% this half term. Taylor feels on top of things and agreed to close.",
    recordedBy: lead,
  });
  await j.scores({
    episodeId: episode.id,
    stage: "review",
    reviewId: review.id,
    at: closing.scheduledFor,
    recordedBy: lead,
    scores: [
      { area: "financial_stability", score: 7, note: "Repayment plan in place." },
      { area: "education", memberId: people.robin, score: 7, note: "97% this half term." },
      { area: "family_relationships", score: 6, note: "Calmer mornings." },
    ],
  });
  const closedAt = workdayAt(-445, 15);
  await j.scores({
    episodeId: episode.id,
    stage: "closure",
    at: closedAt,
    recordedBy: lead,
    scores: [
      { area: "financial_stability", score: 8 },
      { area: "education", memberId: people.robin, score: 8 },
      { area: "family_relationships", score: 7 },
    ],
  });
  await j.closeEpisode({
    episodeId: episode.id,
    at: closedAt,
    by: lead,
    reason: "outcomes_met",
    summary:
      "Arrears being repaid under an agreed plan; Robin's attendance 97%. Taylor knows how to ask for help again.",
    results: [
      { outcomeId: money.id, result: "met" },
      { outcomeId: school.id, result: "met" },
    ],
    followUps: [
      {
        result: "sustained",
        note: "School confirms attendance is still above 95%.",
        at: workdayAt(-352),
      },
      {
        result: "sustained",
        note: "Taylor rang to say the arrears are cleared.",
        at: workdayAt(-260),
      },
    ],
  });
  await j.feedback({
    episodeId: episode.id,
    occasion: "closure",
    offeredAt: closedAt,
    answers: [
      {
        memberId: people.taylor,
        respected: 5,
        listenedTo: 5,
        helped: 4,
        wouldRecommend: 5,
        comment: "Jordan never made me feel like a bad mum. The school gate thing really helped.",
        shareWithLead: true,
        answeredAt: workdayAt(-443, 19),
      },
    ],
  });
}
