import { auditEvents, documentUpdates, endMeeting, planVersionHash } from "@teamaround/db";
import { buildHeldMeeting, buildScenario, type Scenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const familyPath = (s: Scenario) => `/api/families/${s.family.id}`;

/** Writes text into a section of a live document the way the realtime server stores edits. */
async function writeSection(s: Scenario, kind: string, doc: Y.Doc, section: string, text: string) {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on("update", onUpdate);
  const fragment = doc.getXmlFragment(section);
  fragment.delete(0, fragment.length);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(0, [paragraph]);
  doc.off("update", onUpdate);
  const documentName = `${kind}:${s.family.id}`;
  await api.deps.db
    .insert(documentUpdates)
    .values(updates.map((update) => ({ documentName, familyId: s.family.id, update })));
}

/** Schedules and starts a meeting through the API, then ends it with the command the realtime server runs. */
async function holdMeeting(s: Scenario, cookie: string, kind: string) {
  const scheduled = await call(api, "POST", `${familyPath(s)}/meetings`, {
    cookie,
    body: {
      kind,
      scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
      agenda: [{ title: "Review the plan" }],
      invitees: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
    },
  });
  const meetingId = scheduled.json.data.id;
  const started = await call(api, "POST", `${familyPath(s)}/meetings/${meetingId}/start`, {
    cookie,
    body: { version: 1 },
  });
  expect(started.status).toBe(200);
  const lead = s.users.lead;
  return endMeeting(api.deps.db, {
    familyId: s.family.id,
    meetingId,
    actor: { userId: lead.id, role: lead.role, agencyId: lead.agencyId },
    now: new Date(),
  });
}

/** Two meetings; between them an action is done, one is added, an outcome and the worries change. */
async function twoVersions() {
  const s = await buildScenario(api.deps.db);
  const cookie = await sessionCookieFor(api, s.users.lead.id);
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const outcome = await call(api, "POST", `${familyPath(s)}/outcomes`, {
    cookie,
    body: { area: "housing", title: "A safe home", measure: "No arrears", targetDate: due },
  });
  const outcomeId = outcome.json.data.id;
  const addAction = (text: string, owner: object) =>
    call(api, "POST", `${familyPath(s)}/actions`, {
      cookie,
      body: { outcomeId, text, dueDate: due, owners: [owner] },
    });
  const walk = await addAction("Call the landlord", { memberId: s.members.parent.id });
  await addAction("Apply for a housing grant", { userId: s.users.teamMember.id });
  const plan = new Y.Doc();
  await writeSection(s, "plan", plan, "worries", "Rent arrears");
  await writeSection(s, "notes", new Y.Doc(), "notes", "Practitioner-only note");
  const first = await holdMeeting(s, cookie, "initial");

  const parentCookie = await sessionCookieFor(api, s.users.parentUser.id);
  const done = await call(api, "PATCH", `${familyPath(s)}/actions/${walk.json.data.id}`, {
    cookie: parentCookie,
    body: { version: 1, status: "done" },
  });
  expect(done.status).toBe(200);
  const added = await addAction("Meet the debt adviser", { memberId: s.members.parent.id });
  await call(api, "PATCH", `${familyPath(s)}/outcomes/${outcomeId}`, {
    cookie,
    body: { version: 1, title: "A safe, settled home" },
  });
  await writeSection(s, "plan", plan, "worries", "Rent arrears are being repaid");
  const second = await holdMeeting(s, cookie, "review");
  return {
    s,
    cookie,
    parentCookie,
    first,
    second,
    walkId: walk.json.data.id,
    addedId: added.json.data.id,
  };
}

describe("plan versions", () => {
  it("lists versions newest first with their hashes, and audits the read", async () => {
    const { s, cookie, first, second } = await twoVersions();
    const res = await call(api, "GET", `${familyPath(s)}/versions`, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((v: { id: string }) => v.id)).toEqual([
      second.versionId,
      first.versionId,
    ]);
    expect(res.json.data[0]).toMatchObject({
      number: 2,
      hash: second.hash,
      meeting: { kind: "review" },
    });
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "plan_version.list")),
      );
    expect(audit).toHaveLength(1);
  });

  it("returns a version whose hash anyone can recompute from its content and snapshots", async () => {
    const { s, cookie, second } = await twoVersions();
    const res = await call(api, "GET", `${familyPath(s)}/versions/${second.versionId}`, { cookie });
    expect(res.status).toBe(200);
    const { content, snapshots, hash } = res.json.data;
    expect(planVersionHash(content, snapshots)).toBe(hash);
    expect(content.documents.plan.worries).toBe("Rent arrears are being repaid");
    expect(content.documents.notes.notes).toBe("Practitioner-only note");
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Buffer.from(snapshots.plan, "base64"));
    expect(restored.getXmlFragment("worries").toString()).toContain("being repaid");
  });

  it("never gives a family member the practitioners' notes, in a version or a diff", async () => {
    const { s, parentCookie, second } = await twoVersions();
    const path = `${familyPath(s)}/versions/${second.versionId}`;
    const res = await call(api, "GET", path, { cookie: parentCookie });
    expect(res.status).toBe(200);
    expect(res.json.data.hiddenDocuments).toEqual(["notes"]);
    expect(Object.keys(res.json.data.content.documents).sort()).toEqual(["plan", "voice"]);
    expect(Object.keys(res.json.data.snapshots).sort()).toEqual(["plan", "voice"]);
    expect(JSON.stringify(res.json)).not.toContain("Practitioner-only");
    const diff = await call(api, "GET", `${path}/diff`, { cookie: parentCookie });
    expect(diff.status).toBe(200);
    expect(diff.json.data.sections.map((d: { document: string }) => d.document)).not.toContain(
      "notes",
    );
    expect(JSON.stringify(diff.json)).not.toContain("Practitioner-only");
  });

  it("diffs against the version before: an action added, one done, an outcome and the worries changed", async () => {
    const { s, cookie, first, second, walkId, addedId } = await twoVersions();
    const res = await call(api, "GET", `${familyPath(s)}/versions/${second.versionId}/diff`, {
      cookie,
    });
    expect(res.status).toBe(200);
    const diff = res.json.data;
    expect(diff.from.id).toBe(first.versionId);
    expect(diff.to.id).toBe(second.versionId);
    expect(diff.actions.added.map((a: { id: string }) => a.id)).toEqual([addedId]);
    expect(diff.actions.done).toEqual([
      expect.objectContaining({
        id: walkId,
        changes: [{ field: "status", before: "open", after: "done" }],
      }),
    ]);
    expect(diff.actions.changed).toEqual([]);
    expect(diff.actions.removed).toEqual([]);
    expect(diff.outcomes.changed[0].changes).toEqual([
      { field: "title", before: "A safe home", after: "A safe, settled home" },
    ]);
    const worries = diff.sections.find((d: { section: string }) => d.section === "worries");
    expect(worries.changed).toBe(true);
    expect(worries.parts.filter((p: { kind: string }) => p.kind === "added")).toEqual([
      { kind: "added", text: expect.stringContaining("being repaid") },
    ]);
    const unchanged = diff.sections.find((d: { section: string }) => d.section === "working_well");
    expect(unchanged).toMatchObject({ changed: false, parts: [] });
  });

  it("compares the first version with an empty plan, and accepts an explicit `against`", async () => {
    const { s, cookie, first, second } = await twoVersions();
    const base = `${familyPath(s)}/versions`;
    const initial = await call(api, "GET", `${base}/${first.versionId}/diff`, { cookie });
    expect(initial.json.data.from).toBeNull();
    expect(initial.json.data.actions.added).toHaveLength(2);
    const backwards = await call(
      api,
      "GET",
      `${base}/${first.versionId}/diff?against=${second.versionId}`,
      { cookie },
    );
    expect(backwards.status).toBe(200);
    expect(backwards.json.data.actions.removed).toHaveLength(1);
  });

  it("answers 404 for another family's version, as the version or as `against`", async () => {
    const { s, cookie, second } = await twoVersions();
    const { version: theirs } = await buildHeldMeeting(api.deps.db, {
      familyId: s.otherFamily.id,
      chairUserId: s.users.otherLead.id,
    });
    const base = `${familyPath(s)}/versions`;
    expect((await call(api, "GET", `${base}/${theirs.id}`, { cookie })).status).toBe(404);
    const against = await call(
      api,
      "GET",
      `${base}/${second.versionId}/diff?against=${theirs.id}`,
      {
        cookie,
      },
    );
    expect(against.status).toBe(404);
    const bad = await call(api, "GET", `${base}/${second.versionId}/diff?against=nope`, { cookie });
    expect(bad.status).toBe(400);
  });
});
