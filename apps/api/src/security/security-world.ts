import { createGuestInvitation } from "@teamaround/auth";
import {
  actionOwners,
  actionProgressNotes,
  actions,
  agreements,
  correctionRequests,
  type Executor,
  helpRequests,
  lawfulBasisRecords,
  reviews,
  sharingRecords,
  teamMemberships,
} from "@teamaround/db";
import {
  buildAssessment,
  buildClosureProposal,
  buildHeldMeeting,
  buildMeeting,
  buildMember,
  buildOutcome,
  buildPlanSignOff,
  buildScenario,
  buildUser,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { buildCaseAudit } from "../case-audits/case-audit-fixtures";
import { buildFollowUp, offerFeedback } from "../feedback/feedback-fixtures";

async function first<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("fixture not inserted");
  return row;
}

/**
 * The scenario every security case runs against: the shared test scenario
 * plus one of each case record, so item routes have something to address.
 * Add a record here when a route needs one.
 */
export async function buildSecurityWorld(db: Executor) {
  const s = await buildScenario(db);
  const familyId = s.family.id;
  const lead = s.users.lead.id;
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  const agreement = await first(
    db
      .insert(agreements)
      .values({
        familyId,
        agreed: true,
        memberId: s.members.parent.id,
        recordedBy: lead,
        agreedAt: new Date(),
      })
      .returning(),
  );
  const lawfulBasis = await first(
    db
      .insert(lawfulBasisRecords)
      .values({
        familyId,
        basis: "public_task",
        agencyIds: [s.agencies.housing.id],
        justification: "Repairs affecting the children's health",
        decidedBy: lead,
        decidedAt: new Date(),
        familyTold: true,
      })
      .returning(),
  );
  const sharing = await first(
    db
      .insert(sharingRecords)
      .values({
        familyId,
        informationKind: "education",
        summary: "Attendance this term",
        sharedBy: lead,
        fromAgencyId: s.agencies.school.id,
        toAgencyId: s.agencies.health.id,
        purpose: "Plan the health review",
        sharedAt: new Date(),
        consentId: s.consent.id,
        familyTold: true,
      })
      .returning(),
  );
  const outcome = await buildOutcome(db, {
    familyId,
    area: "education",
    title: "Robin goes to school every day",
    measure: "Attendance above 95% for a half term",
    targetDate: inAMonth,
    createdBy: lead,
  });
  const parentAction = await first(
    db
      .insert(actions)
      .values({
        familyId,
        outcomeId: outcome.id,
        text: "Walk Robin to school",
        dueDate: inAMonth,
        createdBy: lead,
      })
      .returning(),
  );
  await db
    .insert(actionOwners)
    .values({ familyId, actionId: parentAction.id, memberId: s.members.parent.id });
  const practitionerAction = await first(
    db
      .insert(actions)
      .values({
        familyId,
        outcomeId: outcome.id,
        text: "Book a school nurse review",
        dueDate: inAMonth,
        createdBy: lead,
      })
      .returning(),
  );
  await db
    .insert(actionOwners)
    .values({ familyId, actionId: practitionerAction.id, userId: s.users.teamMember.id });
  await db
    .insert(actionProgressNotes)
    .values({ familyId, actionId: parentAction.id, authorId: lead, note: "Agreed at TAC" });

  // A carer with parental responsibility and no portal account yet (invitations).
  const unlinkedCarer = await buildMember(db, {
    familyId,
    kind: "adult",
    relationship: "father",
    parentalResponsibility: true,
  });
  const teamMembership = await first(
    db
      .select()
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.familyId, familyId),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      ),
  );

  // A meeting to come (the team member and the parent invited) and two held, with versions.
  const meetingInvites = {
    familyId,
    chairUserId: lead,
    invitedUserIds: [s.users.teamMember.id],
    invitedMemberIds: [s.members.parent.id],
  };
  const meeting = await buildMeeting(db, meetingInvites);
  const firstHeld = await buildHeldMeeting(db, { ...meetingInvites, kind: "initial" });
  const secondHeld = await buildHeldMeeting(db, meetingInvites);
  // The Early Help Assessment being written (a draft), and the held review meeting to record.
  const assessment = await buildAssessment(db, { familyId, startedBy: lead });

  // A review already recorded (at the first held meeting), for the routes that read one.
  const review = await first(
    db
      .insert(reviews)
      .values({
        familyId,
        episodeId: assessment.episodeId,
        meetingId: firstHeld.meeting.id,
        reviewedOn: new Date().toISOString().slice(0, 10),
        verdict: "positive_change",
        decision: "continue",
        nextReviewOn: new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10),
        summary: "Robin is at school every day now.",
        recordedBy: lead,
      })
      .returning(),
  );

  // A parent's request to correct the held review meeting's record, waiting for a decision.
  const correctionRequest = await first(
    db
      .insert(correctionRequests)
      .values({
        familyId,
        recordKind: "meeting_record",
        recordId: secondHeld.meeting.id,
        requestedBy: s.users.parentUser.id,
        whatIsWrong: "It says the grant was refused.",
        shouldSay: "The grant was agreed.",
      })
      .returning(),
  );

  // A request for help for a new family, asked by the outsider of the lead's service (school).
  const helpRequest = await first(
    db
      .insert(helpRequests)
      .values({
        authorityId: s.authority.id,
        receivingAgencyId: s.agencies.school.id,
        familyName: "The Request family",
        children: [{ givenName: "Ash", familyName: "Request", dateOfBirth: "2016-04-01" }],
        requesterKind: "practitioner",
        requesterAgencyId: s.agencies.housing.id,
        requesterName: "Housing officer",
        requestedOn: new Date().toISOString().slice(0, 10),
        worries: "Rent arrears and the children are missing school",
        familyKnows: true,
        familyAgrees: true,
        createdBy: s.users.outsider.id,
      })
      .returning(),
  );

  // "How was it for you?" offered, and a follow-up after closure due for the lead.
  const feedbackInvitation = await offerFeedback(db, familyId, { occasion: "review" });
  const followUp = await buildFollowUp(db, {
    familyId,
    leadUserId: lead,
    dueOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  });

  // A partnership analyst: aggregate figures only, no agency, in no family's team.
  const analyst = await buildUser(db, {
    authorityId: s.authority.id,
    role: "partnership_analyst",
    agencyId: null,
  });

  // A guest partner (a GP) invited to the meeting to come: an account for that meeting only.
  const guest = await createGuestInvitation(db, {
    authorityId: s.authority.id,
    familyId,
    meetingId: meeting.id,
    name: "Dr Asha Patel",
    organisation: "Riverside Surgery",
    email: "asha.patel@surgery.example.nhs.uk",
    roleWords: "GP",
    mayWrite: false,
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
    createdBy: lead,
    now: new Date(),
  });

  // A manager's audit of the case file, waiting for the lead to acknowledge it.
  const caseAudit = await buildCaseAudit(db, {
    familyId,
    auditorId: s.users.manager.id,
    practitionerId: lead,
  });

  // A closure proposal and a plan submission a manager returned: routes that decide make them wait.
  const closureProposal = await buildClosureProposal(db, {
    familyId,
    proposedBy: lead,
    status: "returned",
    scores: [
      { area: "education", memberId: s.members.child.id, score: 8, scoredBy: "practitioners" },
    ],
    outcomeResults: [{ outcomeId: outcome.id, result: "met" }],
  });
  const planSignOff = await buildPlanSignOff(db, {
    familyId,
    submittedBy: lead,
    status: "returned",
  });

  return {
    ...s,
    closureProposal,
    planSignOff,
    caseAudit,
    analyst,
    guest: guest.guest,
    guestLink: { token: guest.token, code: guest.code },
    feedbackInvitation,
    followUp,
    helpRequest,
    meeting,
    planVersions: [firstHeld.version, secondHeld.version] as const,
    assessment,
    reviewMeeting: secondHeld.meeting,
    review,
    correctionRequest,
    unlinkedCarer,
    teamMembership,
    agreement,
    lawfulBasis,
    sharing,
    outcome,
    parentAction,
    practitionerAction,
    inAMonth,
  };
}

export type SecurityWorld = Awaited<ReturnType<typeof buildSecurityWorld>>;
