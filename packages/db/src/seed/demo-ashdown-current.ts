import type { Executor } from "../client";
import type { AshdownPeople } from "./demo-ashdown-history";
import { ashdownPlan } from "./demo-ashdown-plan";
import { ashdownCurrentAssessment, ashdownCurrentPlan } from "./demo-ashdown-words";
import { dayAfter, isoDay, workdayAt } from "./demo-dates";
import { familyBuilder } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import { initialAgenda, meetingBuilder, reviewAgenda } from "./demo-meeting-builder";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * Episode 2: asked for by the health visitor about ten weeks ago, 377 days
 * after episode 1 closed (more than 12 months, so no re-referral); assessment
 * signed off, first TAC, one review with mostly better scores (housing not).
 */
export async function ashdownCurrentEpisode(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: AshdownPeople,
) {
  const { staff, agencyId, authority } = org;
  const lead = staff.lead.id;
  const hv = staff.healthVisitor.id;
  const manager = staff.manager.id;
  const j = journeyBuilder(db, familyId);
  const m = meetingBuilder(db, familyId);
  const f = familyBuilder(db, familyId);
  const request = await j.request({
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Ashdown family",
    childMemberIds: [people.robin, people.ellis],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("health"),
    requesterName: staff.healthVisitor.displayName,
    requestedOn: isoDay(workdayAt(-68)),
    worries:
      "Since moving after a relationship breakdown, Taylor is isolated, the children's bedroom is damp and mouldy, and Robin's asthma has got worse.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: manager,
    triagedAt: workdayAt(-66, 15),
    allocatedLeadId: lead,
    createdBy: hv,
    createdAt: workdayAt(-68, 12),
  });
  const episode = await j.nextEpisode({
    number: 2,
    openedAt: workdayAt(-65, 9),
    openedBy: lead,
    levelOfNeed: 3,
  });
  await j.linkRequest(request.id, episode.id);

  await f.agreement(people.taylor, lead, 65);
  const consent = await f.consent({
    givenBy: people.taylor,
    covers: [people.taylor, people.robin, people.ellis],
    agencyIds: [
      agencyId("earlyHelp"),
      agencyId("health"),
      agencyId("housing"),
      agencyId("hollybrook"),
      agencyId("acorns"),
    ],
    kinds: ["contact_details", "health", "housing", "family_circumstances", "education"],
    obtainedBy: lead,
    daysAgo: 64,
    withheld: "Details of the previous relationship are not to be shared with the school.",
  });
  await f.teamMember(hv, consent.id, lead, 63);
  await f.share({
    informationKind: "housing",
    summary: "Damp and mould in the children's bedroom; repair reported three times.",
    sharedBy: lead,
    fromAgencyId: agencyId("earlyHelp"),
    toAgencyId: agencyId("housing"),
    purpose: "Ask for the repair to be prioritised because of Robin's asthma",
    sharedAt: workdayAt(-40, 11),
    consentId: consent.id,
    familyTold: true,
  });

  const assessment = await j.completedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-64, 11),
    submittedAt: workdayAt(-55, 16),
    signedOffAt: workdayAt(-53, 10),
    leadId: lead,
    managerId: manager,
    contributors: [
      { userId: lead, at: workdayAt(-64, 11) },
      { userId: hv, at: workdayAt(-60, 14) },
    ],
    words: ashdownCurrentAssessment(people),
  });
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-55, 15),
    recordedBy: lead,
    scores: [
      {
        area: "housing",
        score: 2,
        strengths: "Rent paid; Taylor has reported the damp each time.",
        needs: "Black mould in the children's bedroom; no repair date.",
      },
      { area: "housing", score: 1, byFamily: true },
      {
        area: "health",
        memberId: people.robin,
        score: 4,
        strengths: "Registered with the GP; inhalers in date.",
        needs: "Reliever most nights; three days off school.",
      },
      {
        area: "early_years",
        memberId: people.ellis,
        score: 5,
        strengths: "Meeting her milestones.",
        needs: "No nursery place or group yet.",
      },
      {
        area: "family_relationships",
        score: 3,
        strengths: "Close, loving family.",
        needs: "Taylor has no one nearby to turn to.",
      },
      { area: "family_relationships", score: 4, byFamily: true },
    ],
  });

  await m.planDocument(ashdownCurrentPlan);
  await ashdownPlan(f, { lead, hv, taylor: people.taylor, episodeId: episode.id });
  await m.heldMeeting({
    kind: "initial",
    at: workdayAt(-46),
    chairId: lead,
    location: "Eastmoor Family Hub, room 2",
    agenda: initialAgenda,
    practitionerIds: [lead, hv],
    memberIds: [people.taylor],
    decisions: [
      "Jordan to ask Eastmoor Homes to prioritise the repair because of Robin's asthma.",
      "Sam to see Robin with Taylor at the GP surgery for an asthma review.",
    ],
  });
  const held = await m.heldMeeting({
    kind: "review",
    at: workdayAt(-4),
    chairId: lead,
    location: "Eastmoor Family Hub, room 2",
    agenda: reviewAgenda,
    practitionerIds: [lead, hv],
    memberIds: [people.taylor],
    decisions: ["Continue the plan; Jordan to escalate the repair to the housing manager."],
  });
  const review = await m.review({
    episodeId: episode.id,
    meeting: held,
    verdict: "positive_change",
    decision: "continue",
    nextReviewOn: dayAfter(held.scheduledFor, 7 * authority.reviewMinWeeks),
    summary:
      "Robin's asthma is much better since his review and Taylor has met people at the stay-and-play. The repair still has no date.",
    recordedBy: lead,
  });
  await j.scores({
    episodeId: episode.id,
    stage: "review",
    reviewId: review.id,
    at: held.scheduledFor,
    recordedBy: lead,
    scores: [
      { area: "housing", score: 2, note: "No change: the repair still has no date." },
      { area: "housing", score: 2, byFamily: true, note: "At least someone is chasing it now." },
      { area: "health", memberId: people.robin, score: 7, note: "Reliever twice in three weeks." },
      {
        area: "early_years",
        memberId: people.ellis,
        score: 6,
        note: "Nursery place from January.",
      },
      { area: "family_relationships", score: 5, note: "Stay-and-play every Tuesday." },
      { area: "family_relationships", score: 6, byFamily: true },
    ],
  });
  await j.feedback({
    episodeId: episode.id,
    occasion: "review",
    reviewId: review.id,
    offeredAt: workdayAt(-4, 12),
    answers: [
      {
        memberId: people.taylor,
        respected: 5,
        listenedTo: 4,
        helped: 4,
        wouldRecommend: 5,
        comment: "Good to have Sam there too. I still want the damp sorted.",
        shareWithLead: true,
        answeredAt: workdayAt(-3, 20),
      },
    ],
  });
}
