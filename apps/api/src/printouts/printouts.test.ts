import {
  assessmentEntries,
  auditEvents,
  documentUpdates,
  endMeeting,
  episodes,
  meetingApologies,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetingRecordResponses,
  needScores,
  sharingRecords,
} from "@teamaround/db";
import {
  buildAction,
  buildAssessment,
  buildMeeting,
  buildOutcome,
  buildScenario,
  buildUser,
  type Scenario,
} from "@teamaround/db/testing";
import { noticeDay } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { pdfText } from "../testing/pdf-text";
import { sessionCookieFor, startTestApi, type TestApi, testOrigin } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const notesWords = "Practitioners only: worried about the uncle visiting";
const hiddenShareWords = "Referred quietly to the safeguarding hub";

/** A GET as a browser would make it, with the body as bytes. */
async function download(path: string, cookie: string) {
  const response = await api.app.request(path, { headers: { origin: testOrigin, cookie } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** A JSON POST as the web client makes it. */
async function post(path: string, cookie: string, body: unknown) {
  const response = await api.app.request(path, {
    method: "POST",
    headers: { origin: testOrigin, cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.status;
}

const correction = {
  section: "What was decided",
  correctedText: "The grant is for the boiler, not the windows.",
  reason: "The chair wrote down the wrong repair; the family told us.",
};

/** Writes text into a section of a live document as the realtime server stores edits. */
async function writeSection(familyId: string, kind: string, section: string, text: string) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment(section);
  for (const line of text.split("\n")) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(line)]);
    fragment.push([paragraph]);
  }
  await api.deps.db
    .insert(documentUpdates)
    .values(updates.map((update) => ({ documentName: `${kind}:${familyId}`, familyId, update })));
}

async function share(s: Scenario, purpose: string, visibleToFamily: boolean) {
  await api.deps.db.insert(sharingRecords).values({
    familyId: s.family.id,
    informationKind: "health",
    summary: purpose,
    sharedBy: s.users.lead.id,
    fromAgencyId: s.agencies.school.id,
    toAgencyId: s.agencies.health.id,
    purpose,
    sharedAt: new Date(),
    consentId: s.consent.id,
    familyTold: visibleToFamily,
    notToldReason: visibleToFamily ? null : "risk_of_harm",
    visibleToFamily,
  });
}

/** Names and places pdfkit's built-in Helvetica cannot print (Polish, Vietnamese, Romanian, Welsh, Greek). */
const lettersBeyondHelvetica = "Łucja, Nguyễn Thị and Ioniță visit Gŵyr; Σοφία joins";

/** A family with a plan, the family's words, practitioners' notes and a register with a hidden entry. */
async function world() {
  const s = await buildScenario(api.deps.db);
  const outcome = await buildOutcome(api.deps.db, {
    familyId: s.family.id,
    createdBy: s.users.lead.id,
    title: "A warm, dry home for the children",
    measure: "No damp in the bedrooms",
  });
  await buildAction(api.deps.db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: s.users.lead.id,
    text: "Call the landlord about the damp",
    owners: [{ memberId: s.members.parent.id }],
  });
  const worries = Array.from(
    { length: 70 },
    (_, i) => `Worry ${i + 1}: the rent arrears keep growing.`,
  );
  await writeSection(s.family.id, "plan", "worries", worries.join("\n"));
  await writeSection(
    s.family.id,
    "voice",
    "family_words",
    `We want to stay near the school\n${lettersBeyondHelvetica}`,
  );
  await writeSection(s.family.id, "notes", "notes", notesWords);
  await share(s, "Plan support at home with the health visitor", true);
  await share(s, hiddenShareWords, false);
  const cookies = {
    lead: await sessionCookieFor(api, s.users.lead.id),
    parent: await sessionCookieFor(api, s.users.parentUser.id),
    otherParent: await sessionCookieFor(api, s.users.otherParentUser.id),
  };
  return { s, cookies, outcome };
}

const downloads = (familyId: string, event: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.familyId, familyId), eq(auditEvents.event, event)));

describe("GET /api/families/{familyId}/plan.pdf", () => {
  it("gives the plan as the family may see it, with the council, the reference and page numbers on every page", async () => {
    const { s, cookies } = await world();
    const res = await download(`/api/families/${s.family.id}/plan.pdf`, cookies.lead);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="family-plan-${s.family.reference}-${new Date().toISOString().slice(0, 10)}.pdf"`,
    );
    const text = await pdfText(res.bytes);
    expect(text.title).toBe("Our family plan");
    expect(text.all).toContain("A warm, dry home for the children");
    expect(text.all).toContain("will call the landlord about the damp");
    expect(text.all).toContain("Worry 70: the rent arrears keep growing.");
    expect(text.all).toContain("We want to stay near the school");
    expect(text.all).toContain(lettersBeyondHelvetica);
    expect(text.all).toContain("Plan support at home with the health visitor");
    expect(text.all).not.toContain(notesWords);
    expect(text.all).not.toContain(hiddenShareWords);
    expect(text.pages.length).toBeGreaterThan(1);
    text.pages.forEach((page, i) => {
      expect(page).toContain(s.authority.name);
      expect(page).toContain(`Family reference ${s.family.reference}`);
      expect(page).toContain(`Page ${i + 1} of ${text.pages.length}`);
    });
    expect(await downloads(s.family.id, "plan.download")).toHaveLength(1);
  });

  it("gives a family member their own family's plan, family-safe", async () => {
    const { s, cookies } = await world();
    const res = await download(`/api/families/${s.family.id}/plan.pdf`, cookies.parent);
    expect(res.status).toBe(200);
    const text = await pdfText(res.bytes);
    expect(text.all).toContain("A warm, dry home for the children");
    expect(text.all).not.toContain(notesWords);
    expect(text.all).not.toContain(hiddenShareWords);
    const [audit] = await downloads(s.family.id, "plan.download");
    expect(audit?.actorId).toBe(s.users.parentUser.id);
  });

  it("answers 404 to another family's parent and to the partnership analyst, and writes no download", async () => {
    const { s, cookies } = await world();
    const analyst = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "partnership_analyst",
      agencyId: null,
    });
    for (const cookie of [cookies.otherParent, await sessionCookieFor(api, analyst.id)]) {
      const res = await download(`/api/families/${s.family.id}/plan.pdf`, cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
    }
    expect(await downloads(s.family.id, "plan.download")).toHaveLength(0);
  });

  it("shows a very long section only up to what a printout holds, and says so", async () => {
    const { s, cookies } = await world();
    const line = "A long line of what is going well, written again and again.";
    const lines = Array.from({ length: 600 }, (_, i) => `${i + 1}. ${line}`);
    await writeSection(s.family.id, "plan", "working_well", lines.join("\n"));
    const res = await download(`/api/families/${s.family.id}/plan.pdf`, cookies.lead);
    expect(res.status).toBe(200);
    const text = await pdfText(res.bytes);
    expect(text.all).toContain(`1. ${line}`);
    expect(text.all).not.toContain(`600. ${line}`);
    expect(text.all).toContain("This part is longer than a printout holds.");
    expect(text.all).toContain("Worry 70: the rent arrears keep growing.");
  });
});

describe("GET /api/families/{familyId}/meetings/{meetingId}/record.pdf", () => {
  async function heldMeeting(s: Scenario, outcomeId: string) {
    const db = api.deps.db;
    const meeting = await buildMeeting(db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      invitedUserIds: [s.users.teamMember.id],
      invitedMemberIds: [s.members.parent.id],
      state: "live",
    });
    const at = new Date();
    const scope = { familyId: s.family.id, meetingId: meeting.id };
    await db
      .insert(meetingAttendance)
      .values({ ...scope, userId: s.users.teamMember.id, joinedAt: at });
    await db.insert(meetingDecisions).values({
      ...scope,
      text: "The family will be referred for a housing grant",
      recordedBy: s.users.lead.id,
      recordedAt: at,
    });
    await db.insert(meetingChatMessages).values({
      ...scope,
      authorUserId: s.users.teamMember.id,
      body: "Chat aside, not part of the record",
      sentAt: at,
    });
    await db.insert(meetingApologies).values({
      ...scope,
      userId: s.users.outsider.id,
      reason: "Off sick, a reason for the team only",
      recordedBy: s.users.lead.id,
      recordedAt: at,
    });
    await buildAction(db, {
      familyId: s.family.id,
      outcomeId,
      createdBy: s.users.lead.id,
      text: "Apply for a housing grant",
      meetingId: meeting.id,
      owners: [{ userId: s.users.teamMember.id }],
    });
    const lead = s.users.lead;
    await endMeeting(db, {
      ...scope,
      actor: { userId: lead.id, role: lead.role, agencyId: lead.agencyId },
      now: new Date(),
    });
    const respondedAt = new Date();
    await db.insert(meetingRecordResponses).values([
      { ...scope, userId: s.users.parentUser.id, kind: "confirmed", respondedAt },
      {
        ...scope,
        userId: s.users.parentUser.id,
        kind: "commented",
        comment: "We also asked about the bus pass",
        respondedAt,
      },
      {
        ...scope,
        userId: s.users.teamMember.id,
        kind: "commented",
        comment: "A practitioner's comment for the team only",
        respondedAt,
      },
    ]);
    return meeting;
  }

  it("gives a held meeting's record as the family may see it, to staff and family alike", async () => {
    const { s, cookies, outcome } = await world();
    const meeting = await heldMeeting(s, outcome.id);
    const path = `/api/families/${s.family.id}/meetings/${meeting.id}/record.pdf`;
    for (const cookie of [cookies.lead, cookies.parent]) {
      const res = await download(path, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain("meeting-record-");
      const text = await pdfText(res.bytes);
      expect(text.title).toBe("Notes of the review meeting");
      expect(text.all).toContain(s.users.teamMember.displayName);
      expect(text.all).toContain("The family will be referred for a housing grant");
      expect(text.all).toContain(`written down by ${s.users.lead.displayName}`);
      expect(text.all).toContain("Apply for a housing grant");
      expect(text.all).toContain(s.users.outsider.displayName);
      expect(text.all).toContain("said these notes are right");
      expect(text.all).toContain("We also asked about the bus pass");
      expect(text.all).toContain(s.authority.name);
      expect(text.all).toContain(s.family.reference);
      expect(text.all).toContain("Page 1 of 1");
      expect(text.all).not.toContain(notesWords);
      expect(text.all).not.toContain("Chat aside");
      expect(text.all).not.toContain("a reason for the team only");
      expect(text.all).not.toContain("A practitioner's comment for the team only");
    }
    expect(await downloads(s.family.id, "meeting_record.download")).toHaveLength(2);
  });

  it("prints the record's corrections after it for staff (when, who, what, why); the family's copy has none yet", async () => {
    const { s, cookies, outcome } = await world();
    const meeting = await heldMeeting(s, outcome.id);
    const corrections = `/api/families/${s.family.id}/records/meeting_record/${meeting.id}/corrections`;
    expect(await post(corrections, cookies.lead, correction)).toBe(201);
    const path = `/api/families/${s.family.id}/meetings/${meeting.id}/record.pdf`;
    const text = await pdfText((await download(path, cookies.lead)).bytes);
    expect(text.all).toContain("Corrections");
    expect(text.all).toContain(
      `Corrected on ${noticeDay(new Date().toISOString())} by ${s.users.lead.displayName}`,
    );
    expect(text.all).toContain(`What was corrected: ${correction.section}`);
    expect(text.all).toContain(`It should say: ${correction.correctedText}`);
    expect(text.all).toContain(`Reason: ${correction.reason}`);
    // The original stays as it was written.
    expect(text.all).toContain("The family will be referred for a housing grant");
    const parentText = await pdfText((await download(path, cookies.parent)).bytes);
    expect(parentText.all).not.toContain(correction.correctedText);
    const audits = await downloads(s.family.id, "meeting_record.download");
    expect(audits.map((a) => a.details?.correctionsShown).sort()).toEqual([0, 1]);
  });

  it("answers 409 for a meeting not yet held, and 404 to another family", async () => {
    const { s, cookies } = await world();
    const booked = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const path = `/api/families/${s.family.id}/meetings/${booked.id}/record.pdf`;
    expect((await download(path, cookies.lead)).status).toBe(409);
    expect((await download(path, cookies.otherParent)).status).toBe(404);
  });
});

describe("GET /api/families/{familyId}/assessments/{assessmentId}/assessment.pdf", () => {
  async function writtenAssessment(s: Scenario) {
    const db = api.deps.db;
    const assessment = await buildAssessment(db, {
      familyId: s.family.id,
      startedBy: s.users.lead.id,
    });
    const entry = {
      assessmentId: assessment.id,
      familyId: s.family.id,
      updatedBy: s.users.lead.id,
    };
    await db.insert(assessmentEntries).values([
      { ...entry, section: "family_story", text: "Robin lives with mum and two cats." },
      {
        ...entry,
        section: "parent_voice",
        memberId: s.members.parent.id,
        text: "I want help with the school run.",
      },
      {
        ...entry,
        section: "child_voice",
        memberId: s.members.child.id,
        text: "Robin's own words, for the team.",
      },
    ]);
    await db.insert(needScores).values({
      familyId: s.family.id,
      episodeId: assessment.episodeId,
      stage: "assessment",
      assessmentId: assessment.id,
      area: "housing",
      score: 4,
      strengths: "Mum keeps the flat tidy",
      needs: "The damp needs fixing",
      note: "Scoring note for practitioners",
      scoredOn: new Date().toISOString().slice(0, 10),
      recordedBy: s.users.lead.id,
    });
    return assessment;
  }

  it("gives the shared sections and scores; a family member's own words only in their own copy", async () => {
    const { s, cookies } = await world();
    const assessment = await writtenAssessment(s);
    const path = `/api/families/${s.family.id}/assessments/${assessment.id}/assessment.pdf`;
    const staffCopy = await download(path, cookies.lead);
    expect(staffCopy.status).toBe(200);
    const staffText = await pdfText(staffCopy.bytes);
    expect(staffText.title).toBe("Early Help Assessment");
    expect(staffText.all).toContain("Robin lives with mum and two cats.");
    expect(staffText.all).toContain("4 out of 10");
    expect(staffText.all).toContain("Mum keeps the flat tidy");
    expect(staffText.all).toContain(s.family.reference);
    expect(staffText.all).toContain("Page 1 of");
    expect(staffText.all).not.toContain("I want help with the school run.");
    expect(staffText.all).not.toContain("Robin's own words");
    expect(staffText.all).not.toContain("Scoring note for practitioners");

    const parentCopy = await download(path, cookies.parent);
    expect(parentCopy.status).toBe(200);
    const parentText = await pdfText(parentCopy.bytes);
    expect(parentText.all).toContain("I want help with the school run.");
    expect(parentText.all).not.toContain("Robin's own words");
    expect(await downloads(s.family.id, "assessment.download")).toHaveLength(2);
    expect((await download(path, cookies.otherParent)).status).toBe(404);
  });

  it("prints a closed assessment's corrections after the scores", async () => {
    const { s, cookies } = await world();
    const assessment = await writtenAssessment(s);
    await api.deps.db
      .update(episodes)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(episodes.id, assessment.episodeId));
    const fix = {
      section: "The family's story",
      correctedText: "Robin lives with mum, gran and two cats.",
      reason: "Gran moved in before the assessment; we left her out.",
    };
    const corrections = `/api/families/${s.family.id}/records/assessment/${assessment.id}/corrections`;
    expect(await post(corrections, cookies.lead, fix)).toBe(201);
    const path = `/api/families/${s.family.id}/assessments/${assessment.id}/assessment.pdf`;
    const text = await pdfText((await download(path, cookies.lead)).bytes);
    expect(text.all).toContain("Robin lives with mum and two cats.");
    expect(text.all.indexOf("Corrections")).toBeGreaterThan(text.all.indexOf("4 out of 10"));
    expect(text.all).toContain(`by ${s.users.lead.displayName}`);
    expect(text.all).toContain(`It should say: ${fix.correctedText}`);
    expect(text.all).toContain(`Reason: ${fix.reason}`);
  });
});
