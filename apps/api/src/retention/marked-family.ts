import { randomUUID } from "node:crypto";
import {
  actionProgressNotes,
  agreements,
  assessmentEntries,
  assessments,
  auditEvents,
  auditSamples,
  caseAudits,
  closureProposals,
  compactDocumentLog,
  consents,
  correctionRequests,
  type Database,
  episodeEvents,
  executeRows,
  feedbackAnswers,
  feedbackInvitations,
  helpRequests,
  insertDocumentUpdates,
  lawfulBasisRecords,
  localOutboxMessages,
  meetingApologies,
  meetingChatMessages,
  meetingDecisions,
  meetingGuests,
  meetingRecordResponses,
  needScores,
  notices,
  planSignOffs,
  planVersions,
  recordCorrections,
  reviews,
  sessions,
  sharingRecords,
  signOffDecisions,
  supervisionNotes,
  sustainabilityChecks,
  teamMemberships,
  users,
} from "@teamaround/db";
import {
  buildAction,
  buildConsent,
  buildFamily,
  buildMeeting,
  buildMember,
  buildOutcome,
  buildTeamMember,
  buildUser,
  type Scenario,
} from "@teamaround/db/testing";
import { documentStateFromText } from "@teamaround/domain";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";

/** Realtime's fold (apps/realtime collab/store.ts): snapshot then updates, re-encoded. */
function foldUpdates(snapshot: Uint8Array | null, updates: readonly Uint8Array[]) {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const update of updates) Y.applyUpdate(doc, update);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * A closed family in the scenario's authority whose every personal and
 * free-text field holds a marker beginning `prefix` (each one distinct), so a
 * scan of the database finds what is left of it. Its documents are written
 * the way the realtime server writes them: updates logged, then compacted
 * into a snapshot, then one more update logged.
 */
export async function buildMarkedFamily(db: Database, s: Scenario, prefix: string) {
  const m = (field: string) => `${prefix}-${field}`;
  const lead = s.users.lead;
  const a = s.authority.id;
  const portalUser = await buildUser(db, { authorityId: a, role: "family_member", agencyId: null });
  await db
    .update(users)
    .set({ displayName: m("portal-name"), email: `${m("portal").toLowerCase()}@example.test` })
    .where(eq(users.id, portalUser.id));
  const family = await buildFamily(db, { lead, displayName: m("display-name") });
  const f = family.id;
  const [episode] = await executeRows<{ id: string }>(
    db,
    sql`select id from episodes where family_id = ${f}`,
  );
  if (!episode) throw new Error("no episode");
  const adult = await buildMember(db, {
    familyId: f,
    kind: "adult",
    givenName: m("adult-given"),
    familyName: m("adult-family"),
    dateOfBirth: "1980-01-02",
    relationship: m("relationship"),
    parentalResponsibility: true,
    address: m("address"),
    phone: m("phone"),
    email: `${m("email").toLowerCase()}@example.test`,
    preferredLanguage: m("language"),
    communicationNeeds: m("communication"),
    gpPractice: m("gp"),
    ethnicity: m("ethnicity"),
    religion: m("religion"),
    disabilityOrSen: m("disability"),
    userId: portalUser.id,
  });
  const child = await buildMember(db, {
    familyId: f,
    kind: "child",
    givenName: m("child-given"),
    familyName: m("child-family"),
    dateOfBirth: "2001-02-03",
    school: m("school"),
  });
  const consent = await buildConsent(db, {
    familyId: f,
    givenByMemberId: adult.id,
    coversMemberIds: [adult.id, child.id],
    agencyIds: [s.agencies.school.id, s.agencies.health.id],
    obtainedBy: lead.id,
  });
  await db
    .update(consents)
    .set({ withheld: m("withheld"), withdrawalReason: m("withdrawal") })
    .where(eq(consents.id, consent.id));
  await buildTeamMember(db, { familyId: f, userId: s.users.teamMember.id, consentId: consent.id });
  await db
    .update(teamMemberships)
    .set({ removedReason: m("removed-reason") })
    .where(eq(teamMemberships.familyId, f));

  const [request] = await db
    .insert(helpRequests)
    .values({
      authorityId: a,
      receivingAgencyId: s.agencies.school.id,
      familyId: f,
      familyName: m("request-family"),
      children: [{ name: m("request-child"), dateOfBirth: "2001-02-03" }] as never,
      requesterKind: "family",
      requesterAgencyId: s.agencies.school.id,
      requesterName: m("requester"),
      requesterEmail: `${m("requester-email").toLowerCase()}@example.test`,
      requestedOn: "2020-01-01",
      worries: m("worries"),
      signpostedTo: m("signposted"),
      triageReason: m("triage"),
      familyKnows: true,
      familyAgrees: true,
      createdBy: lead.id,
    })
    .returning();
  const [assessment] = await db
    .insert(assessments)
    .values({
      episodeId: episode.id,
      familyId: f,
      startedAt: new Date("2020-01-05"),
      returnComments: m("return-comments"),
    } as never)
    .returning();
  if (!assessment || !request) throw new Error("not inserted");
  await db.insert(assessmentEntries).values({
    assessmentId: assessment.id,
    familyId: f,
    section: "family_story",
    text: m("assessment-entry"),
    authorId: lead.id,
  } as never);
  await db.insert(needScores).values({
    familyId: f,
    episodeId: episode.id,
    assessmentId: assessment.id,
    stage: "assessment",
    area: "education",
    score: 4,
    scoredOn: "2020-01-06",
    strengths: m("strengths"),
    needs: m("needs"),
    note: m("score-note"),
    recordedBy: lead.id,
  } as never);
  const outcome = await buildOutcome(db, {
    familyId: f,
    createdBy: lead.id,
    title: m("outcome-title"),
    measure: m("outcome-measure"),
  });
  const action = await buildAction(db, {
    familyId: f,
    outcomeId: outcome.id,
    createdBy: lead.id,
    owners: [{ memberId: adult.id }],
    text: m("action-text"),
  });
  await db.insert(actionProgressNotes).values({
    familyId: f,
    actionId: action.id,
    authorId: lead.id,
    note: m("progress-note"),
  } as never);
  const meeting = await buildMeeting(db, {
    familyId: f,
    chairUserId: lead.id,
    invitedMemberIds: [adult.id],
    location: m("location"),
    notes: m("meeting-notes"),
    agenda: [{ id: randomUUID(), title: m("agenda") }],
  });
  await db.insert(meetingChatMessages).values({
    meetingId: meeting.id,
    familyId: f,
    authorUserId: portalUser.id,
    body: m("chat"),
    sentAt: new Date(),
  } as never);
  await db.insert(meetingDecisions).values({
    meetingId: meeting.id,
    familyId: f,
    text: m("decision"),
    recordedBy: lead.id,
    recordedAt: new Date(),
  } as never);
  await db.insert(meetingApologies).values({
    meetingId: meeting.id,
    familyId: f,
    memberId: adult.id,
    reason: m("apology"),
    recordedBy: lead.id,
    recordedAt: new Date(),
  } as never);
  const guestUser = await buildUser(db, { authorityId: a, role: "guest", agencyId: null });
  await db
    .update(users)
    .set({ displayName: m("guest-user"), email: `${m("guest-login").toLowerCase()}@example.test` })
    .where(eq(users.id, guestUser.id));
  await db.insert(meetingGuests).values({
    meetingId: meeting.id,
    familyId: f,
    userId: guestUser.id,
    name: m("guest-name"),
    organisation: m("guest-org"),
    email: `${m("guest-email").toLowerCase()}@example.test`,
    roleWords: m("guest-role"),
    linkTokenHash: randomUUID(),
    codeHash: randomUUID(),
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: lead.id,
  } as never);
  await db.insert(meetingRecordResponses).values({
    meetingId: meeting.id,
    familyId: f,
    userId: portalUser.id,
    kind: "commented",
    comment: m("record-comment"),
    respondedAt: new Date(),
  } as never);
  await db.insert(planVersions).values({
    familyId: f,
    meetingId: meeting.id,
    number: 1,
    content: { outcomes: [{ title: m("version-outcome") }] } as never,
    snapshots: { plan: m("version-snapshot") } as never,
    contentHash: "a".repeat(64),
  } as never);
  await db.insert(planSignOffs).values({
    familyId: f,
    episodeId: episode.id,
    plan: { outcomes: [{ title: m("sign-off-plan") }] } as never,
    submittedBy: lead.id,
    submittedAt: new Date(),
  } as never);
  const [review] = await db
    .insert(reviews)
    .values({
      familyId: f,
      episodeId: episode.id,
      meetingId: meeting.id,
      reviewedOn: "2020-06-01",
      verdict: "positive_change",
      decision: "close",
      summary: m("review-summary"),
      recordedBy: lead.id,
    } as never)
    .returning();
  const [invitation] = await db
    .insert(feedbackInvitations)
    .values({
      familyId: f,
      episodeId: episode.id,
      occasion: "closure",
      offeredAt: new Date(),
    } as never)
    .returning();
  if (!review || !invitation) throw new Error("not inserted");
  await db.insert(feedbackAnswers).values({
    invitationId: invitation.id,
    familyId: f,
    memberId: adult.id,
    respected: 5,
    listenedTo: 5,
    helped: 5,
    wouldRecommend: 5,
    comment: m("feedback"),
    answeredAt: new Date(),
  } as never);
  await db.insert(recordCorrections).values({
    familyId: f,
    recordKind: "review",
    recordId: review.id,
    section: "summary",
    correctedText: m("correction-text"),
    reason: m("correction-reason"),
    correctedBy: lead.id,
  } as never);
  await db.insert(correctionRequests).values({
    familyId: f,
    recordKind: "review",
    recordId: review.id,
    requestedBy: portalUser.id,
    whatIsWrong: m("request-wrong"),
    shouldSay: m("request-should-say"),
    status: "declined",
    decidedBy: lead.id,
    decidedAt: new Date(),
    declineReason: m("request-decline"),
  });
  await db.insert(sharingRecords).values({
    familyId: f,
    informationKind: "health",
    summary: m("sharing-summary"),
    fromAgencyId: s.agencies.school.id,
    toAgencyId: s.agencies.health.id,
    toPerson: m("to-person"),
    purpose: m("purpose"),
    sharedAt: new Date(),
    familyTold: true,
    sharedBy: lead.id,
    consentId: consent.id,
  } as never);
  await db.insert(agreements).values({
    familyId: f,
    memberId: adult.id,
    agreed: true,
    note: m("agreement"),
    recordedBy: lead.id,
    agreedAt: new Date(),
  } as never);
  await db.insert(lawfulBasisRecords).values({
    familyId: f,
    basis: "public_task",
    agencyIds: [s.agencies.health.id],
    justification: m("justification"),
    decidedBy: s.users.manager.id,
    decidedAt: new Date(),
    familyTold: true,
  } as never);
  await db.insert(supervisionNotes).values({
    familyId: f,
    episodeId: episode.id,
    managerId: s.users.manager.id,
    leadUserId: lead.id,
    heldOn: "2020-03-01",
    discussion: m("discussion"),
    decisions: m("supervision-decisions"),
  } as never);
  await db.insert(signOffDecisions).values({
    familyId: f,
    episodeId: episode.id,
    subject: "assessment",
    subjectId: assessment.id,
    decision: "returned",
    comments: m("sign-off-comments"),
    decidedBy: s.users.manager.id,
    decidedAt: new Date(),
  } as never);
  await db.insert(closureProposals).values({
    familyId: f,
    episodeId: episode.id,
    reason: "outcomes_met",
    summary: m("closure-proposal"),
    scores: [{ area: "education", score: 8, scoredBy: "practitioners", note: m("proposal-score") }],
    outcomeResults: [],
    proposedBy: lead.id,
    proposedAt: new Date(),
  } as never);
  const [sample] = await db
    .insert(auditSamples)
    .values({
      agencyId: s.agencies.school.id,
      quarter: "2020-Q1",
      familyIds: [f],
      drawnBy: s.users.manager.id,
      drawnAt: new Date(),
    } as never)
    .returning();
  await db.insert(caseAudits).values({
    familyId: f,
    episodeId: episode.id,
    sampleId: sample?.id,
    auditorId: s.users.manager.id,
    practitionerId: lead.id,
    auditedOn: "2020-04-01",
    grade: "good",
    areas: [{ area: "voice_of_the_child", grade: "good", comment: m("audit-area") }],
    feedback: m("audit-feedback"),
    practitionerResponse: m("audit-response"),
  } as never);
  await db.insert(sustainabilityChecks).values({
    episodeId: episode.id,
    familyId: f,
    leadUserId: lead.id,
    monthsAfter: "3",
    dueOn: "2020-10-01",
    note: m("follow-up"),
  } as never);
  const [notice] = await db
    .insert(notices)
    .values({
      authorityId: a,
      recipientAddress: `${m("notice-address").toLowerCase()}@example.test`,
      familyId: f,
      kind: "family_invitation",
      channel: "email",
      variables: { name: m("notice-variable") },
      idempotencyKey: randomUUID(),
    } as never)
    .returning();
  if (!notice) throw new Error("not inserted");
  await db.insert(localOutboxMessages).values({
    noticeId: notice.id,
    authorityId: a,
    recipientUserId: portalUser.id,
    toAddress: `${m("outbox-to").toLowerCase()}@example.test`,
    fromAddress: "service@example.test",
    messageId: randomUUID(),
    subject: m("outbox-subject"),
    body: `Dear ${m("outbox-body")}`,
    storedAt: new Date(),
  } as never);
  await db.insert(sessions).values({
    id: randomUUID().replaceAll("-", "").padEnd(64, "0"),
    userId: portalUser.id,
    expiresAt: new Date(Date.now() + 86_400_000),
    userAgent: m("user-agent"),
  } as never);
  await db.insert(auditEvents).values([
    {
      actorId: lead.id,
      actorRole: "practitioner",
      event: "member.update",
      familyId: f,
      resourceType: "member",
      resourceId: adult.id,
      details: { changes: { givenName: m("audit-change") } },
    },
    {
      actorId: portalUser.id,
      actorRole: "family_member",
      event: "session.create",
      ipAddress: "192.0.2.10",
      userAgent: m("audit-agent"),
      details: { email: m("audit-email") },
    },
    {
      actorId: lead.id,
      actorRole: "practitioner",
      event: "help_request.create",
      resourceType: "help_request",
      resourceId: request.id,
      details: { familyName: m("display-name") },
    },
  ]);
  await db
    .update(episodeEvents)
    .set({ note: m("episode-event") })
    .where(eq(episodeEvents.familyId, f));

  // Live documents, the realtime server's way: logged, compacted, logged again.
  const plan = `plan:${f}`;
  await insertDocumentUpdates(db, [
    {
      documentName: plan,
      familyId: f,
      update: documentStateFromText("plan", { worries: [m("document-worries")] }),
    },
  ]);
  await compactDocumentLog(db, plan, foldUpdates);
  await insertDocumentUpdates(db, [
    {
      documentName: `notes:${f}`,
      familyId: f,
      update: documentStateFromText("notes", { notes: [m("document-notes")] }),
    },
  ]);

  // Closed long ago: the record is past any retention rule.
  await db.execute(sql`update episodes set status = 'closed', closed_at = '2020-07-01',
      closure_reason = 'outcomes_met', closure_summary = ${m("closure-summary")}
    where family_id = ${f}`);
  await db.execute(sql`update families set status = 'closed', closed_at = '2020-07-01',
      closure_reason = 'outcomes_met', closure_note = ${m("closure-note")} where id = ${f}`);
  return { family, adult, child, portalUser, guestUser, markers: prefix };
}
