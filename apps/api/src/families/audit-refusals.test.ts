import { randomUUID } from "node:crypto";
import { auditEvents } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { authorize } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record-audit";
import { requireActor } from "../http/session";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { loadFamilyAccess } from "./family-access";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // A route that refuses inside a transaction after writing to it, as a
  // command might: the refusal must be audited though the transaction rolls back.
  api.app.post("/api/families/:familyId/refuse-in-transaction", async (c) => {
    const actor = requireActor(c);
    const familyId = c.req.param("familyId");
    await api.deps.db.transaction(async (tx) => {
      const { access } = await loadFamilyAccess(tx, actor, familyId);
      await recordAudit(tx, c, { event: "family.update", familyId });
      authorize(access, "audit", "read");
    });
    return c.json({ ok: true });
  });
});
afterAll(() => api.close());

const auditOf = (familyId: string, event: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.familyId, familyId), eq(auditEvents.event, event)));

describe("refused family access is audited", () => {
  it("records an outsider's refused read, answering exactly as for no family at all", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.outsider.id);
    const refused = await call(api, "GET", `/api/families/${s.family.id}`, { cookie });
    const missing = await call(api, "GET", `/api/families/${randomUUID()}`, { cookie });
    expect(refused.status).toBe(404);
    expect(refused.json).toEqual(missing.json);
    const rows = await auditOf(s.family.id, "access.refused");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: s.users.outsider.id,
      actorRole: "practitioner",
      familyId: s.family.id,
      resourceType: "family",
      details: {
        action: "read",
        outcome: "refused",
        status: 404,
        method: "GET",
        path: `/api/families/${s.family.id}`,
      },
    });
  });

  it("records an insider's 403, and the lead then sees it in the family's audit log", async () => {
    const s = await buildScenario(api.deps.db);
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const path = `/api/families/${s.family.id}/audit`;
    const refused = await call(api, "GET", path, { cookie: parent });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      error: { code: "forbidden", message: "You may not see this family's audit log." },
    });
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const log = await call(api, "GET", path, { cookie: lead });
    expect(log.status).toBe(200);
    const entry = log.json.data.find((e: { event: string }) => e.event === "access.refused");
    expect(entry).toMatchObject({
      actorId: s.users.parentUser.id,
      actorRole: "family_member",
      kind: "access",
      words: `${s.users.parentUser.displayName} was refused access to a record`,
    });
  });

  it("records a refusal made inside a transaction, which itself leaves nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.teamMember.id);
    const res = await call(api, "POST", `/api/families/${s.family.id}/refuse-in-transaction`, {
      cookie,
    });
    expect(res.status).toBe(403);
    expect(await auditOf(s.family.id, "family.update")).toEqual([]);
    expect(await auditOf(s.family.id, "access.refused")).toMatchObject([
      { actorId: s.users.teamMember.id, resourceType: "audit", details: { status: 403 } },
    ]);
  });

  it("records nothing for allowed reads, or for someone not signed in", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    expect((await call(api, "GET", `/api/families/${s.family.id}`, { cookie: lead })).status).toBe(
      200,
    );
    expect((await call(api, "GET", `/api/families/${s.family.id}`)).status).toBe(401);
    expect(await auditOf(s.family.id, "access.refused")).toEqual([]);
  });
});
