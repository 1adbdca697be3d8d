import { randomBytes } from "node:crypto";
import { auditEvents, executeRows, familyMembers, refreshRetentionReviews } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildMarkedFamily } from "./marked-family";
import { scanForMarker } from "./personal-data-scan";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** Where the fixture puts a marker; the scan must see each before erasure, or it proves nothing. */
const mustBeSeenIn = [
  "families.display_name",
  "families.closure_note",
  "family_members.given_name",
  "family_members.family_name",
  "family_members.address",
  "family_members.phone",
  "family_members.email",
  "family_members.ethnicity",
  "family_members.religion",
  "family_members.disability_or_sen",
  "family_members.school",
  "users.display_name",
  "users.email",
  "help_requests.family_name",
  "help_requests.children",
  "help_requests.worries",
  "assessment_entries.text",
  "need_scores.strengths",
  "outcomes.title",
  "actions.text",
  "action_progress_notes.note",
  "meetings.notes",
  "meetings.agenda",
  "meeting_chat_messages.body",
  "meeting_decisions.text",
  "meeting_guests.name",
  "meeting_record_responses.comment",
  "plan_versions.content",
  "plan_sign_offs.plan",
  "reviews.summary",
  "record_corrections.corrected_text",
  "record_corrections.reason",
  "correction_requests.what_is_wrong",
  "correction_requests.should_say",
  "correction_requests.decline_reason",
  "feedback_answers.comment",
  "sharing_records.summary",
  "lawful_basis_records.justification",
  "supervision_notes.discussion",
  "case_audits.areas",
  "closure_proposals.scores",
  "notices.variables",
  "local_outbox_messages.body",
  "sessions.user_agent",
  "audit_events.details",
  "audit_events.user_agent",
  "episodes.closure_summary",
  "episode_events.note",
  "document_snapshots.state",
  "document_updates.update",
  "yjs:plan",
  "yjs:notes",
];

function covered(hits: string[]) {
  return mustBeSeenIn.filter((place) => !hits.some((hit) => hit.startsWith(place)));
}

describe("erasing a family past retention", () => {
  it("leaves no personal field of that family in any table or document, and every one of the other family's", async () => {
    const s = await buildScenario(api.deps.db);
    const run = randomBytes(4).toString("hex").toUpperCase();
    const erased = await buildMarkedFamily(api.deps.db, s, `ZQX${run}A`);
    const kept = await buildMarkedFamily(api.deps.db, s, `ZQX${run}B`);
    const markerA = `ZQX${run}A-`;
    const markerB = `ZQX${run}B-`;

    const beforeA = await scanForMarker(api.deps.db, markerA);
    const beforeB = await scanForMarker(api.deps.db, markerB);
    expect(covered(beforeA), "places the scan did not see before erasure").toEqual([]);
    expect(beforeB).toEqual(beforeA);

    await refreshRetentionReviews(api.deps.db, "2026-11-30");
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const list = await call(api, "GET", "/api/admin/retention-reviews", { cookie: admin });
    const row = list.json.data.find((r: { familyId: string }) => r.familyId === erased.family.id);
    expect(row).toMatchObject({ familyReference: erased.family.reference, closedOn: "2020-07-01" });

    const response = await call(
      api,
      "POST",
      `/api/admin/retention-reviews/${erased.family.id}/erase`,
      { cookie: admin, body: { confirmReference: erased.family.reference, version: row.version } },
    );
    expect(response.status).toBe(200);
    expect(response.json.data.familyReference).toBe(erased.family.reference);

    expect(await scanForMarker(api.deps.db, markerA)).toEqual([]);
    expect(await scanForMarker(api.deps.db, markerB)).toEqual(beforeB);

    const births = await api.deps.db
      .select({ dateOfBirth: familyMembers.dateOfBirth })
      .from(familyMembers)
      .where(eq(familyMembers.familyId, erased.family.id));
    expect(births.map((b) => b.dateOfBirth)).toEqual([null, null]);
    const keptBirths = await api.deps.db
      .select({ dateOfBirth: familyMembers.dateOfBirth })
      .from(familyMembers)
      .where(eq(familyMembers.familyId, kept.family.id));
    expect(keptBirths.map((b) => b.dateOfBirth).sort()).toEqual(["1980-01-02", "2001-02-03"]);

    // The audit trail keeps its rows, pseudonymised, and records the erasure without personal data.
    const trail = await api.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.familyId, erased.family.id));
    expect(trail.length).toBeGreaterThan(1);
    expect(trail.map((e) => e.details)).toContainEqual({ erased: "Erased person 1" });
    const erasure = trail.find((e) => e.event === "family.erase");
    expect(erasure).toMatchObject({
      actorId: s.users.administrator.id,
      details: { familyReference: erased.family.reference, people: 3 },
    });

    // The portal account cannot sign in any more.
    const [account] = await executeRows<{ status: string; password_hash: string | null }>(
      api.deps.db,
      sql`select status, password_hash from users where id = ${erased.portalUser.id}`,
    );
    expect(account).toEqual({ status: "deactivated", password_hash: null });
  });
});
