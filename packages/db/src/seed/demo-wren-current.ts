import type { Executor } from "../client";
import { dayAfter, isoDay, workdayAt } from "./demo-dates";
import { familyBuilder } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import { initialAgenda, meetingBuilder, reviewAgenda } from "./demo-meeting-builder";
import type { DemoOrganisation } from "./demo-organisation";
import { wrenPlan } from "./demo-wren-plan";
import { type WrenPeople, wrenCurrentAssessment, wrenCurrentPlan } from "./demo-wren-words";

/**
 * Episode 2: the re-referral. Requested 75 days ago, 140 days (about five
 * months) after episode 1 closed: within 12 months, so the request names
 * episode 1 in `reReferralOfEpisodeId`.
 */
export async function wrenCurrentEpisode(
  db: Executor,
  org: DemoOrganisation,
  familyId: string,
  people: WrenPeople,
  firstEpisodeId: string,
) {
  const { staff, agencyId, authority } = org;
  const lead = staff.lead.id;
  const pastoral = staff.pastoral.id;
  const manager = staff.manager.id;
  const j = journeyBuilder(db, familyId);
  const m = meetingBuilder(db, familyId);
  const f = familyBuilder(db, familyId);
  const request = await j.request({
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyName: "The Wren family",
    childMemberIds: [people.leo, people.mia, people.finn],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("riverside"),
    requesterName: staff.pastoral.displayName,
    requestedOn: isoDay(workdayAt(-75)),
    worries:
      "Since their mum died, Nadia is caring for Leo, Mia and Finn on a part-time wage; Leo's attendance has dropped and Mia is angry and withdrawn.",
    familyKnows: true,
    familyAgrees: true,
    status: "accepted",
    triagedBy: manager,
    triagedAt: workdayAt(-73, 15),
    allocatedLeadId: lead,
    reReferralOfEpisodeId: firstEpisodeId,
    createdBy: pastoral,
    createdAt: workdayAt(-75, 13),
  });
  const episode = await j.nextEpisode({
    number: 2,
    openedAt: workdayAt(-72, 9),
    openedBy: lead,
    levelOfNeed: 3,
  });
  await j.linkRequest(request.id, episode.id);

  await f.agreement(people.nadia, lead, 72);
  const consent = await f.consent({
    givenBy: people.nadia,
    covers: [people.nadia, people.mia, people.finn],
    agencyIds: [
      agencyId("earlyHelp"),
      agencyId("riverside"),
      agencyId("hollybrook"),
      agencyId("openDoor"),
    ],
    kinds: ["contact_details", "education", "family_circumstances", "finances", "mental_health"],
    obtainedBy: lead,
    daysAgo: 72,
  });
  await f.consent({
    givenBy: people.leo,
    covers: [people.leo],
    agencyIds: [agencyId("earlyHelp"), agencyId("riverside")],
    kinds: ["education", "mental_health"],
    obtainedBy: lead,
    daysAgo: 70,
  });
  await f.teamMember(pastoral, consent.id, lead, 71);

  const assessment = await j.completedAssessment({
    episodeId: episode.id,
    startedAt: workdayAt(-71, 11),
    submittedAt: workdayAt(-60, 16),
    signedOffAt: workdayAt(-58, 10),
    leadId: lead,
    managerId: manager,
    contributors: [
      { userId: lead, at: workdayAt(-71, 11) },
      { userId: pastoral, at: workdayAt(-66, 14) },
    ],
    words: wrenCurrentAssessment(people),
  });
  await j.scores({
    episodeId: episode.id,
    stage: "assessment",
    assessmentId: assessment.id,
    at: workdayAt(-60, 15),
    recordedBy: lead,
    scores: [
      {
        area: "financial_stability",
        score: 2,
        strengths: "Nadia budgets to the penny.",
        needs: "No guardianship allowance yet.",
      },
      { area: "financial_stability", score: 2, byFamily: true },
      {
        area: "family_relationships",
        memberId: people.mia,
        score: 3,
        strengths: "Close to Nadia and Finn.",
        needs: "Angry outbursts; will not talk about Mum.",
      },
      {
        area: "family_relationships",
        memberId: people.finn,
        score: 4,
        strengths: "Talks about Mum with Nadia.",
        needs: "Frightened at night.",
      },
      {
        area: "health",
        memberId: people.finn,
        score: 5,
        strengths: "Healthy and active.",
        needs: "Bed-wetting again since Mum died.",
      },
      {
        area: "education",
        memberId: people.leo,
        score: 5,
        strengths: "On track in two of his three subjects.",
        needs: "Attendance 86%: does the school runs.",
      },
      { area: "education", memberId: people.leo, score: 4, byFamily: true },
    ],
  });

  await m.planDocument(wrenCurrentPlan);
  await wrenPlan(f, { lead, pastoral, leo: people.leo, episodeId: episode.id });
  await m.heldMeeting({
    kind: "initial",
    at: workdayAt(-51),
    chairId: lead,
    location: "Riverside Academy, meeting room B",
    agenda: initialAgenda,
    practitionerIds: [lead, pastoral],
    memberIds: [people.nadia, people.leo],
    decisions: [
      "Jordan to help Nadia with the guardianship allowance claim this week.",
      "Casey to arrange a young carer's assessment for Leo.",
    ],
  });
  const held = await m.heldMeeting({
    kind: "review",
    at: workdayAt(-9),
    chairId: lead,
    location: "Riverside Academy, meeting room B",
    agenda: reviewAgenda,
    practitionerIds: [lead, pastoral],
    memberIds: [people.nadia, people.leo],
    decisions: ["Continue the plan; Casey to put Leo's late pass in place this week."],
  });
  const review = await m.review({
    episodeId: episode.id,
    meeting: held,
    verdict: "positive_change",
    decision: "continue",
    nextReviewOn: dayAfter(held.scheduledFor, 7 * authority.reviewMinWeeks),
    summary:
      "The allowance is awarded and Nadia has dropped an early shift. Mia and Finn are waiting for bereavement support. Leo's attendance has dipped again.",
    recordedBy: lead,
  });
  await j.scores({
    episodeId: episode.id,
    stage: "review",
    reviewId: review.id,
    at: held.scheduledFor,
    recordedBy: lead,
    scores: [
      { area: "financial_stability", score: 6, note: "Allowance awarded and backdated." },
      { area: "financial_stability", score: 5, byFamily: true },
      { area: "family_relationships", memberId: people.mia, score: 4, note: "Fewer outbursts." },
      { area: "family_relationships", memberId: people.finn, score: 5 },
      { area: "health", memberId: people.finn, score: 6, note: "Dry most nights." },
      {
        area: "education",
        memberId: people.leo,
        score: 4,
        note: "Attendance down to 83%: late pass agreed but not yet in use.",
      },
      { area: "education", memberId: people.leo, score: 3, byFamily: true },
    ],
  });
  await j.feedback({
    episodeId: episode.id,
    occasion: "review",
    reviewId: review.id,
    offeredAt: workdayAt(-9, 12),
    answers: [
      {
        memberId: people.nadia,
        respected: 5,
        listenedTo: 5,
        helped: 4,
        wouldRecommend: 5,
        comment: "Getting the allowance sorted has taken a weight off.",
        shareWithLead: true,
        answeredAt: workdayAt(-8, 20),
      },
      {
        memberId: people.leo,
        respected: 4,
        listenedTo: 3,
        helped: 3,
        wouldRecommend: 4,
        comment: "The meeting was long. I want the late pass to actually happen.",
        shareWithLead: false,
        answeredAt: workdayAt(-7, 17),
      },
    ],
  });
}
