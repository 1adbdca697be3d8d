import {
  assessmentEntries,
  auditEvents,
  documentUpdates,
  meetingChatMessages,
  meetingDecisions,
  needScores,
  sharingRecords,
} from "@teamaround/db";
import {
  buildAction,
  buildAssessment,
  buildMeeting,
  buildOutcome,
  buildScenario,
} from "@teamaround/db/testing";
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

async function get(path: string, cookie: string) {
  const response = await api.app.request(path, { headers: { origin: testOrigin, cookie } });
  return { status: response.status, headers: response.headers, response };
}

async function writeSection(familyId: string, kind: string, section: string, text: string) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).push([paragraph]);
  await api.deps.db
    .insert(documentUpdates)
    .values(updates.map((update) => ({ documentName: `${kind}:${familyId}`, familyId, update })));
}

const otherFamilyMarker = "Zebra-lantern-other-family";

/** A family whose records name the parent (who asks) and the child Robin (a third party). */
async function world() {
  const db = api.deps.db;
  const s = await buildScenario(db);
  const f = { familyId: s.family.id };
  const outcome = await buildOutcome(db, {
    ...f,
    createdBy: s.users.lead.id,
    title: "Outcome-marker warm home",
    measure: "No damp",
  });
  await buildAction(db, {
    ...f,
    outcomeId: outcome.id,
    createdBy: s.users.lead.id,
    text: "Action-marker call the landlord",
    owners: [{ memberId: s.members.parent.id }],
  });
  const assessment = await buildAssessment(db, { ...f, startedBy: s.users.lead.id });
  const entry = { assessmentId: assessment.id, ...f, updatedBy: s.users.lead.id };
  await db.insert(assessmentEntries).values([
    {
      ...entry,
      section: "parent_voice",
      memberId: s.members.parent.id,
      text: "Voice-marker I want help with the school run.",
    },
    { ...entry, section: "family_story", text: "Robin is doing well at school." },
  ]);
  await db.insert(needScores).values({
    ...f,
    episodeId: assessment.episodeId,
    stage: "assessment",
    scoredOn: "2026-11-01",
    recordedBy: s.users.lead.id,
    assessmentId: assessment.id,
    area: "housing",
    score: 4,
    strengths: "Score-marker tidy flat",
  });
  const meeting = await buildMeeting(db, {
    ...f,
    chairUserId: s.users.lead.id,
    invitedMemberIds: [s.members.parent.id],
    state: "live",
  });
  const scope = { ...f, meetingId: meeting.id };
  await db.insert(meetingDecisions).values({
    ...scope,
    text: "Decision-marker housing grant",
    recordedBy: s.users.lead.id,
    recordedAt: new Date(),
  });
  await db.insert(meetingChatMessages).values({
    ...scope,
    authorUserId: s.users.parentUser.id,
    body: "Chat-marker thank you all",
    sentAt: new Date(),
  });
  await db.insert(sharingRecords).values({
    ...f,
    informationKind: "health",
    summary: "Share-marker attendance",
    sharedBy: s.users.lead.id,
    fromAgencyId: s.agencies.school.id,
    toAgencyId: s.agencies.health.id,
    purpose: "Plan support",
    sharedAt: new Date(),
    consentId: s.consent.id,
    familyTold: true,
    visibleToFamily: true,
  });
  await writeSection(s.family.id, "plan", "worries", "Plan-marker the rent arrears");
  await buildOutcome(db, {
    familyId: s.otherFamily.id,
    createdBy: s.users.otherLead.id,
    title: otherFamilyMarker,
    measure: otherFamilyMarker,
  });
  // A read of the family's records, for the "who has read" section.
  await get(`/api/families/${s.family.id}`, await sessionCookieFor(api, s.users.lead.id));
  const cookies = {
    admin: await sessionCookieFor(api, s.users.administrator.id),
    manager: await sessionCookieFor(api, s.users.manager.id),
    lead: await sessionCookieFor(api, s.users.lead.id),
  };
  return { s, cookies };
}

const path = (familyId: string, memberId: string, format: "json" | "pdf") =>
  `/api/admin/subject-access/families/${familyId}/members/${memberId}/export.${format}`;

const markers = [
  "Outcome-marker",
  "Action-marker",
  "Voice-marker",
  "Score-marker",
  "Decision-marker",
  "Chat-marker",
  "Share-marker",
  "Plan-marker",
];

describe("subject access export", () => {
  it("gives an administrator everything about the member as JSON, the child only as a marked third party", async () => {
    const { s, cookies } = await world();
    const res = await get(path(s.family.id, s.members.parent.id, "json"), cookies.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="subject-access-/,
    );
    const body = (await res.response.json()) as {
      person: { id: string };
      otherMembers: { name: unknown }[];
      reads: { what: string }[];
    };
    const text = JSON.stringify(body);
    for (const marker of markers) expect(text).toContain(marker);
    expect(body.person.id).toBe(s.members.parent.id);
    expect(text).not.toContain(otherFamilyMarker);
    expect(text).not.toContain(s.otherParent.familyName);

    const childName = `${s.members.child.givenName} ${s.members.child.familyName}`;
    expect(body.otherMembers[0]?.name).toEqual({
      value: childName,
      thirdParty: true,
      who: "another family member",
    });
    // Every string naming the child, or the child's record id, is wrapped, never bare.
    expect(text).toContain('"value":"Robin is doing well at school.","thirdParty":true');
    const unmarked = text.replace(/"value":"[^"]*","thirdParty":true/g, "");
    expect(unmarked).not.toContain(s.members.child.givenName);
    expect(unmarked).not.toContain(s.members.child.id);
    expect(text).not.toContain(s.members.child.dateOfBirth ?? "no date");
    expect(body.reads.some((r: { what: string }) => r.what === "read the family's record")).toBe(
      true,
    );

    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "subject_access.export")),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(s.users.administrator.id);
    expect(audit[0]?.resourceId).toBe(s.members.parent.id);
    expect(JSON.stringify(audit[0]?.details)).not.toContain(s.members.parent.familyName);
  });

  it("gives the same as a readable PDF with the key sections and the third-party marks", async () => {
    const { s, cookies } = await world();
    const res = await get(path(s.family.id, s.members.parent.id, "pdf"), cookies.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = await pdfText(new Uint8Array(await res.response.arrayBuffer()));
    for (const heading of [
      "About this export",
      "Marks for redaction review",
      "Their details",
      "Other members of the family",
      "Shared documents",
      "Who has read the family's records",
    ]) {
      expect(pdf.all).toContain(heading);
    }
    for (const marker of markers) expect(pdf.all).toContain(marker);
    expect(pdf.all).toContain("[[THIRD PARTY: Robin is doing well at school.]]");
    expect(pdf.all).not.toContain(otherFamilyMarker);
  });

  it("refuses staff without the ability (403) and answers 404 for another authority's family or a member of another family", async () => {
    const { s, cookies } = await world();
    for (const cookie of [cookies.manager, cookies.lead]) {
      expect((await get(path(s.family.id, s.members.parent.id, "json"), cookie)).status).toBe(403);
    }
    const elsewhere = await buildScenario(api.deps.db);
    const otherAdmin = await sessionCookieFor(api, elsewhere.users.administrator.id);
    expect((await get(path(s.family.id, s.members.parent.id, "pdf"), otherAdmin)).status).toBe(404);
    expect((await get(path(s.family.id, s.otherParent.id, "json"), cookies.admin)).status).toBe(
      404,
    );
  });

  it("finds a family by reference within the authority only", async () => {
    const { s, cookies } = await world();
    const find = (reference: string, cookie: string) =>
      get(`/api/admin/subject-access/families?reference=${encodeURIComponent(reference)}`, cookie);
    const found = await find(s.family.reference, cookies.admin);
    expect(found.status).toBe(200);
    const { data } = (await found.response.json()) as { data: { members: { memberId: string }[] } };
    expect(data.members.map((m: { memberId: string }) => m.memberId).sort()).toEqual(
      [s.members.parent.id, s.members.child.id].sort(),
    );
    const elsewhere = await buildScenario(api.deps.db);
    const otherAdmin = await sessionCookieFor(api, elsewhere.users.administrator.id);
    expect((await find(s.family.reference, otherAdmin)).status).toBe(404);
    expect((await find(s.family.reference, cookies.manager)).status).toBe(403);
  });
});
