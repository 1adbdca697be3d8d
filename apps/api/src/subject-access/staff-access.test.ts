import { auditEvents } from "@teamaround/db";
import { buildAuthority, buildOutcome, buildScenario, buildUser } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../testing/pdf-text";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const exportPath = (userId: string, format: "json" | "pdf") =>
  `/api/admin/subject-access/users/${userId}/export.${format}`;

async function world() {
  const s = await buildScenario(api.deps.db);
  await buildOutcome(api.deps.db, {
    familyId: s.family.id,
    createdBy: s.users.lead.id,
    title: "A warm home",
    measure: "No damp",
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  // A read the lead causes, which the export must list.
  expect(
    (await call(api, "GET", `/api/families/${s.family.id}/reviews`, { cookie: lead })).status,
  ).toBe(200);
  return { s, admin: await sessionCookieFor(api, s.users.administrator.id) };
}

describe("subject access for a member of staff", () => {
  it("exports the lead's account, sign-ins, records by kind with family references and their reads, as JSON; audited", async () => {
    const { s, admin } = await world();
    const res = await call(api, "GET", exportPath(s.users.lead.id, "json"), { cookie: admin });
    expect(res.status).toBe(200);
    const data = res.json;
    expect(data.about).toMatchObject({ userId: s.users.lead.id, name: s.users.lead.displayName });
    expect(data.account).toMatchObject({ email: s.users.lead.email });
    expect(JSON.stringify(data)).not.toContain("password_hash");
    expect(JSON.stringify(data)).not.toContain("totp_key");
    expect(data.authored).toContainEqual(
      expect.objectContaining({
        table: "outcomes",
        column: "created_by",
        familyReferences: [s.family.reference],
      }),
    );
    expect(data.events).toContainEqual(
      expect.objectContaining({ event: "review.list", familyReference: s.family.reference }),
    );
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.sessions[0]).not.toHaveProperty("id");
    const audits = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "subject_access.export_staff"),
          eq(auditEvents.resourceId, s.users.lead.id),
        ),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: s.users.administrator.id,
      details: { format: "json" },
    });
  });

  it("gives the same as a readable PDF", async () => {
    const { s, admin } = await world();
    const response = await api.app.request(exportPath(s.users.lead.id, "pdf"), {
      headers: { origin: testOrigin, cookie: admin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text.all).toContain(s.users.lead.displayName);
    expect(text.all).toContain("Records they wrote");
    expect(text.all).toContain(s.family.reference);
    expect(text.all).toContain("read the reviews");
  });

  it("answers 404 for another council's member of staff and for a family member's account; 403 for staff", async () => {
    const { s, admin } = await world();
    const elsewhere = await buildAuthority(api.deps.db);
    const stranger = await buildUser(api.deps.db, {
      authorityId: elsewhere.id,
      role: "practitioner",
    });
    expect(
      (await call(api, "GET", exportPath(stranger.id, "json"), { cookie: admin })).status,
    ).toBe(404);
    expect(
      (await call(api, "GET", exportPath(s.users.parentUser.id, "json"), { cookie: admin })).status,
    ).toBe(404);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    expect(
      (await call(api, "GET", exportPath(s.users.lead.id, "json"), { cookie: lead })).status,
    ).toBe(403);
  });
});
