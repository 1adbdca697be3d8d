import { auditEvents, caseAudits, families, teamMemberships } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { caseAuditAreas } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildCaseAudit } from "./case-audit-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const validBody = {
  grade: "good",
  areas: caseAuditAreas.map((area) => ({ area, grade: "good", comment: `On ${area}: sound.` })),
  feedback: "A clear plan the family understands.",
};

async function world() {
  const s = await buildScenario(api.deps.db);
  const cookies = {
    manager: await sessionCookieFor(api, s.users.manager.id),
    lead: await sessionCookieFor(api, s.users.lead.id),
    teamMember: await sessionCookieFor(api, s.users.teamMember.id),
    parent: await sessionCookieFor(api, s.users.parentUser.id),
    outsider: await sessionCookieFor(api, s.users.outsider.id),
  };
  const url = `/api/families/${s.family.id}/case-audits`;
  return { s, cookies, url };
}

const auditsOf = (familyId: string) =>
  api.deps.db.select().from(caseAudits).where(eq(caseAudits.familyId, familyId));

describe("POST /api/families/{familyId}/case-audits", () => {
  it("records the manager's audit of the lead's work, and the lead sees it", async () => {
    const { s, cookies, url } = await world();
    const res = await call(api, "POST", url, { cookie: cookies.manager, body: validBody });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      grade: "good",
      auditor: { userId: s.users.manager.id },
      practitioner: { userId: s.users.lead.id },
      feedback: validBody.feedback,
      fromSample: false,
      acknowledgedAt: null,
    });
    expect(res.json.data.areas.map((a: { area: string }) => a.area)).toEqual([...caseAuditAreas]);
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "case_audit.create")),
      );
    expect(event?.resourceId).toBe(res.json.data.id);

    const list = await call(api, "GET", url, { cookie: cookies.lead });
    expect(list.status).toBe(200);
    expect(list.json.data.map((a: { id: string }) => a.id)).toEqual([res.json.data.id]);
    expect(list.json.abilities.case_audit).toEqual({
      read: true,
      create: false,
      acknowledge: true,
    });
  });

  it("audits a closed case", async () => {
    const { s, cookies, url } = await world();
    await api.deps.db
      .update(families)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(families.id, s.family.id));
    expect(
      (await call(api, "POST", url, { cookie: cookies.manager, body: validBody })).status,
    ).toBe(201);
  });

  it("refuses the lead, the team and the family (403) and outsiders (404)", async () => {
    const { s, cookies, url } = await world();
    for (const cookie of [cookies.lead, cookies.teamMember, cookies.parent]) {
      expect((await call(api, "POST", url, { cookie, body: validBody })).status).toBe(403);
    }
    expect(
      (await call(api, "POST", url, { cookie: cookies.outsider, body: validBody })).status,
    ).toBe(404);
    expect(await auditsOf(s.family.id)).toEqual([]);
  });

  it.each([
    ["an area missing", { ...validBody, areas: validBody.areas.slice(1) }, "areas"],
    ["an area twice", { ...validBody, areas: [...validBody.areas, validBody.areas[0]] }, "areas"],
    ["a grade outside the list", { ...validBody, grade: "fine" }, "grade"],
    ["no feedback", { ...validBody, feedback: "" }, "feedback"],
    [
      "an empty comment",
      { ...validBody, areas: validBody.areas.map((a) => ({ ...a, comment: "" })) },
      "areas.0.comment",
    ],
    ["an unknown field", { ...validBody, practitionerId: "someone" }, ""],
  ])("refuses %s with 400 and records nothing", async (_what, body, field) => {
    const { s, cookies, url } = await world();
    const res = await call(api, "POST", url, { cookie: cookies.manager, body });
    expect(res.status).toBe(400);
    if (field) {
      expect(res.json.error.details).toContainEqual({ path: field, message: expect.any(String) });
    }
    expect(await auditsOf(s.family.id)).toEqual([]);
  });
});

describe("GET /api/families/{familyId}/case-audits", () => {
  it("is closed to the team, the family (403) and other services (404)", async () => {
    const { cookies, url } = await world();
    for (const cookie of [cookies.teamMember, cookies.parent]) {
      expect((await call(api, "GET", url, { cookie })).status).toBe(403);
    }
    expect((await call(api, "GET", url, { cookie: cookies.outsider })).status).toBe(404);
  });
});

describe("POST /api/families/{familyId}/case-audits/{auditId}/acknowledge", () => {
  async function audited() {
    const w = await world();
    const audit = await buildCaseAudit(api.deps.db, {
      familyId: w.s.family.id,
      auditorId: w.s.users.manager.id,
      practitionerId: w.s.users.lead.id,
    });
    return { ...w, audit, ackUrl: `${w.url}/${audit.id}/acknowledge` };
  }
  const auditRow = async (id: string) =>
    (await api.deps.db.select().from(caseAudits).where(eq(caseAudits.id, id)))[0];

  it("the audited lead acknowledges once, with a response; again is 409 and changes nothing", async () => {
    const { audit, cookies, ackUrl } = await audited();
    const res = await call(api, "POST", ackUrl, {
      cookie: cookies.lead,
      body: { response: "I will record Robin's words." },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      practitionerResponse: "I will record Robin's words.",
      acknowledgedAt: expect.any(String),
    });
    const again = await call(api, "POST", ackUrl, { cookie: cookies.lead, body: {} });
    expect(again.status).toBe(409);
    expect(await auditRow(audit.id)).toMatchObject({
      practitionerResponse: "I will record Robin's words.",
    });
  });

  it("refuses a lead whose work was not the one audited (403)", async () => {
    const { s, cookies, url } = await world();
    const audit = await buildCaseAudit(api.deps.db, {
      familyId: s.family.id,
      auditorId: s.users.manager.id,
      practitionerId: s.users.teamMember.id,
    });
    const res = await call(api, "POST", `${url}/${audit.id}/acknowledge`, {
      cookie: cookies.lead,
      body: {},
    });
    expect(res.status).toBe(403);
    expect((await auditRow(audit.id))?.acknowledgedAt).toBeNull();
  });

  it("answers 404 for another family's audit, and for outsiders", async () => {
    const { s, cookies, audit } = await audited();
    const elsewhere = `/api/families/${s.otherFamily.id}/case-audits/${audit.id}/acknowledge`;
    const otherLead = await sessionCookieFor(api, s.users.otherLead.id);
    expect((await call(api, "POST", elsewhere, { cookie: otherLead, body: {} })).status).toBe(404);
    const ackUrl = `/api/families/${s.family.id}/case-audits/${audit.id}/acknowledge`;
    expect((await call(api, "POST", ackUrl, { cookie: cookies.outsider, body: {} })).status).toBe(
      404,
    );
    expect((await auditRow(audit.id))?.acknowledgedAt).toBeNull();
  });

  it.each([
    ["a response too long", { response: "x".repeat(4001) }],
    ["a control character", { response: "a\u0007b" }],
    ["an unknown field", { acknowledgedAt: "2020-01-01T00:00:00Z" }],
  ])("refuses %s with 400 and changes nothing", async (_what, body) => {
    const { audit, cookies, ackUrl } = await audited();
    expect((await call(api, "POST", ackUrl, { cookie: cookies.lead, body })).status).toBe(400);
    expect((await auditRow(audit.id))?.acknowledgedAt).toBeNull();
  });
});

describe("GET /api/case-audits/mine", () => {
  it("lists audits of my cases waiting for my acknowledgement, while I lead", async () => {
    const { s, cookies } = await world();
    const audit = await buildCaseAudit(api.deps.db, {
      familyId: s.family.id,
      auditorId: s.users.manager.id,
      practitionerId: s.users.lead.id,
    });
    const mine = await call(api, "GET", "/api/case-audits/mine", { cookie: cookies.lead });
    expect(mine.status).toBe(200);
    expect(mine.json.data).toEqual([
      expect.objectContaining({ id: audit.id, familyId: s.family.id, grade: audit.grade }),
    ]);
    const teamMember = await call(api, "GET", "/api/case-audits/mine", {
      cookie: cookies.teamMember,
    });
    expect(teamMember.json.data).toEqual([]);
    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(eq(teamMemberships.familyId, s.family.id), eq(teamMemberships.userId, s.users.lead.id)),
      );
    const afterLeaving = await call(api, "GET", "/api/case-audits/mine", { cookie: cookies.lead });
    expect(afterLeaving.json.data).toEqual([]);
  });

  it("refuses family members (403)", async () => {
    const { cookies } = await world();
    expect(
      (await call(api, "GET", "/api/case-audits/mine", { cookie: cookies.parent })).status,
    ).toBe(403);
  });
});
