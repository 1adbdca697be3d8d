import { auditEvents, teamMemberships } from "@teamaround/db";
import { buildAction, buildOutcome, buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const auditPath = (familyId: string) => `/api/families/${familyId}/audit`;

async function readPlan(familyId: string, userId: string) {
  const res = await call(api, "GET", `/api/families/${familyId}/outcomes`, {
    cookie: await sessionCookieFor(api, userId),
  });
  expect(res.status).toBe(200);
}

/** Events at known times, written as the API would write them. */
async function logged(
  familyId: string,
  events: {
    actorId: string;
    event: string;
    at: string;
    actorRole?: "practitioner" | "manager";
    resourceType?: string;
    resourceId?: string;
  }[],
) {
  for (const e of events) {
    await api.deps.db.insert(auditEvents).values({
      familyId,
      actorRole: "practitioner",
      resourceType: "plan",
      ...e,
      at: new Date(e.at),
    });
  }
}

async function getAs(userId: string, path: string) {
  return call(api, "GET", path, { cookie: await sessionCookieFor(api, userId) });
}

type Line = { id: number; words: string; count: number; event: string; kind: string };

describe("GET /api/families/{familyId}/audit", () => {
  it("lists this family's events only, newest first, in plain words naming the person and agency", async () => {
    const s = await buildScenario(api.deps.db);
    await readPlan(s.family.id, s.users.teamMember.id);
    await readPlan(s.family.id, s.users.parentUser.id);
    await readPlan(s.otherFamily.id, s.users.otherLead.id);

    const res = await getAs(s.users.lead.id, auditPath(s.family.id));
    expect(res.status).toBe(200);
    const lines = res.json.data as Line[];
    expect(lines.map((e) => e.event)).toEqual(["audit.read", "plan.read", "plan.read"]);
    expect(lines.map((e) => e.words)).toEqual([
      `${s.users.lead.displayName} (${s.agencies.school.name}) read the audit log`,
      `${s.users.parentUser.displayName} read the plan`,
      `${s.users.teamMember.displayName} (${s.agencies.health.name}) read the plan`,
    ]);
    expect(res.json.data[0]).toMatchObject({
      actorId: s.users.lead.id,
      actorName: s.users.lead.displayName,
      actorAgency: s.agencies.school.name,
      actorRole: "practitioner",
      kind: "reads",
      count: 1,
    });
    for (const line of lines) expect(line.words).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(res.json.nextBefore).toBeNull();
    expect(res.json.people.map((p: { name: string }) => p.name).sort()).toEqual(
      [s.users.lead, s.users.parentUser, s.users.teamMember].map((u) => u.displayName).sort(),
    );
  });

  it("names the action or outcome a change was made to", async () => {
    const s = await buildScenario(api.deps.db);
    const outcome = await buildOutcome(api.deps.db, {
      familyId: s.family.id,
      createdBy: s.users.lead.id,
    });
    const action = await buildAction(api.deps.db, {
      familyId: s.family.id,
      outcomeId: outcome.id,
      createdBy: s.users.teamMember.id,
      owners: [{ userId: s.users.teamMember.id }],
      text: "Call the school nurse",
    });
    await logged(s.family.id, [
      {
        actorId: s.users.teamMember.id,
        event: "action.create",
        at: "2026-03-02T10:00:00Z",
        resourceType: "action",
        resourceId: action.id,
      },
    ]);
    const res = await getAs(s.users.lead.id, `${auditPath(s.family.id)}?kind=changes`);
    expect(res.json.data.map((l: Line) => l.words)).toEqual([
      `${s.users.teamMember.displayName} (${s.agencies.health.name}) added the action ‘Call the school nurse’`,
    ]);
  });

  it("folds a person's reads of the same thing on the same day into one line", async () => {
    const s = await buildScenario(api.deps.db);
    const sam = s.users.teamMember.id;
    await logged(s.family.id, [
      { actorId: sam, event: "plan.read", at: "2026-03-02T09:02:00Z" },
      // Someone else's event between Sam's reads does not break Sam's run.
      { actorId: s.users.lead.id, event: "plan.read", at: "2026-03-02T09:30:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-02T10:15:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-02T11:40:00Z" },
      // Sam changing something ends the run; a read the next day starts another.
      {
        actorId: sam,
        event: "outcome.update",
        at: "2026-03-02T12:00:00Z",
        resourceType: "outcome",
      },
      { actorId: sam, event: "plan.read", at: "2026-03-02T12:05:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-03T08:00:00Z" },
    ]);
    const res = await getAs(
      s.users.manager.id,
      `${auditPath(s.family.id)}?kind=reads&actorId=${sam}`,
    );
    expect(res.status).toBe(200);
    const who = `${s.users.teamMember.displayName} (${s.agencies.health.name})`;
    // Read alone, the log has nothing between the reads of the first day.
    expect(res.json.data.map((l: Line) => [l.words, l.count])).toEqual([
      [`${who} read the plan`, 1],
      [`${who} read the plan 4 times between 09:02 and 12:05`, 4],
    ]);
    // Without the kind filter the change ends the run.
    const all = await getAs(s.users.manager.id, `${auditPath(s.family.id)}?actorId=${sam}`);
    expect(all.json.data.map((l: Line) => l.event)).toEqual([
      "plan.read",
      "plan.read",
      "outcome.update",
      "plan.read",
    ]);
    expect(all.json.data[3].words).toBe(`${who} read the plan 3 times between 09:02 and 11:40`);
  });

  it("pages by line, so a run of reads is never split across pages", async () => {
    const s = await buildScenario(api.deps.db);
    const sam = s.users.teamMember.id;
    await logged(s.family.id, [
      { actorId: sam, event: "plan.read", at: "2026-03-02T09:00:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-02T09:01:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-02T09:02:00Z" },
      {
        actorId: sam,
        event: "outcome.update",
        at: "2026-03-02T10:00:00Z",
        resourceType: "outcome",
      },
      { actorId: sam, event: "plan.read", at: "2026-03-02T11:00:00Z" },
      { actorId: sam, event: "plan.read", at: "2026-03-02T11:01:00Z" },
    ]);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const seen: [string, number][] = [];
    let before: number | null = null;
    for (let page = 0; page < 5; page++) {
      const query: string = `?actorId=${sam}&limit=1${before ? `&before=${before}` : ""}`;
      const res = await call(api, "GET", `${auditPath(s.family.id)}${query}`, { cookie });
      expect(res.status).toBe(200);
      for (const l of res.json.data as Line[]) seen.push([l.event, l.count]);
      before = res.json.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual([
      ["plan.read", 2],
      ["outcome.update", 1],
      ["plan.read", 3],
    ]);
    const tooMany = await call(api, "GET", `${auditPath(s.family.id)}?limit=201`, { cookie });
    expect(tooMany.status).toBe(400);
  });

  it("filters by person, kind and UK day", async () => {
    const s = await buildScenario(api.deps.db);
    await logged(s.family.id, [
      { actorId: s.users.teamMember.id, event: "consent.record", at: "2026-03-01T10:00:00Z" },
      { actorId: s.users.teamMember.id, event: "meeting.schedule", at: "2026-03-02T10:00:00Z" },
      // 23:30 UTC on 30 June is 00:30 on 1 July in the UK.
      { actorId: s.users.lead.id, event: "plan.download", at: "2026-06-30T23:30:00Z" },
      { actorId: s.users.lead.id, event: "session.create", at: "2026-07-02T10:00:00Z" },
    ]);
    const events = async (query: string) =>
      ((await getAs(s.users.lead.id, `${auditPath(s.family.id)}?${query}`)).json.data as Line[])
        .map((l) => l.event)
        .filter((e) => e !== "audit.read");
    expect(await events("kind=sharing")).toEqual(["consent.record"]);
    expect(await events("kind=meetings")).toEqual(["meeting.schedule"]);
    expect(await events("kind=exports")).toEqual(["plan.download"]);
    expect(await events("kind=access")).toEqual(["session.create"]);
    expect(await events("from=2026-07-01&to=2026-07-01")).toEqual(["plan.download"]);
    expect(await events(`actorId=${s.users.teamMember.id}&to=2026-03-01`)).toEqual([
      "consent.record",
    ]);
    expect((await getAs(s.users.lead.id, `${auditPath(s.family.id)}?kind=gossip`)).status).toBe(
      400,
    );
  });

  it("refuses team members and family members (403), and answers 404 to outsiders", async () => {
    const s = await buildScenario(api.deps.db);
    const as = async (userId: string) => (await getAs(userId, auditPath(s.family.id))).status;
    expect(await as(s.users.teamMember.id)).toBe(403);
    expect(await as(s.users.parentUser.id)).toBe(403);
    expect(await as(s.users.outsider.id)).toBe(404);
    expect(await as(s.users.administrator.id)).toBe(404);
    const rows = await api.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id))
      .orderBy(auditEvents.id);
    // No read happened; each refusal is on the record (see families/audit-refusals.ts).
    expect(rows.map((e) => [e.event, e.actorId, e.details?.status])).toEqual([
      ["access.refused", s.users.teamMember.id, 403],
      ["access.refused", s.users.parentUser.id, 403],
      ["access.refused", s.users.outsider.id, 404],
      ["access.refused", s.users.administrator.id, 404],
    ]);
  });
});

describe("GET /api/families/{familyId}/audit/export", () => {
  it("downloads the filtered log as CSV in plain words, and records the download", async () => {
    const s = await buildScenario(api.deps.db);
    await logged(s.family.id, [
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-02T09:02:00Z" },
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-02T09:03:00Z" },
      { actorId: s.users.lead.id, event: "consent.withdraw", at: "2026-03-02T09:04:00Z" },
    ]);
    const res = await getAs(s.users.lead.id, `${auditPath(s.family.id)}/export?kind=reads`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-log-/);
    const lines = (res.json as string).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"When (UK time)","Person","Agency","Kind","What happened","Event"');
    // Every event a line: the CSV does not fold reads. The export is itself a read of nothing
    // on screen, so it is recorded as an export, outside the reads filter.
    expect(lines.slice(1)).toEqual([
      `"02/03/2026, 09:02:00","${s.users.teamMember.displayName}","${s.agencies.health.name}","Reads","${s.users.teamMember.displayName} (${s.agencies.health.name}) read the plan","plan.read"`,
      `"02/03/2026, 09:03:00","${s.users.teamMember.displayName}","${s.agencies.health.name}","Reads","${s.users.teamMember.displayName} (${s.agencies.health.name}) read the plan","plan.read"`,
    ]);
    const exports = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "audit.export")));
    expect(exports).toMatchObject([{ actorId: s.users.lead.id, details: { kind: "reads" } }]);
  });

  it("is refused to the team and the family, and is 404 to outsiders", async () => {
    const s = await buildScenario(api.deps.db);
    const as = async (userId: string) =>
      (await getAs(userId, `${auditPath(s.family.id)}/export`)).status;
    expect(await as(s.users.teamMember.id)).toBe(403);
    expect(await as(s.users.parentUser.id)).toBe(403);
    expect(await as(s.users.otherLead.id)).toBe(404);
  });
});

describe("GET /api/families/{familyId}/audit/readers", () => {
  it("lists the professionals who read the records and when they last read what, without ids", async () => {
    const s = await buildScenario(api.deps.db);
    await logged(s.family.id, [
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-02T09:02:00Z" },
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-03T09:02:00Z" },
      { actorId: s.users.teamMember.id, event: "assessment.read", at: "2026-03-01T09:00:00Z" },
      { actorId: s.users.teamMember.id, event: "outcome.update", at: "2026-03-04T09:00:00Z" },
      {
        actorId: s.users.manager.id,
        actorRole: "manager",
        event: "family.read",
        at: "2026-03-01T08:00:00Z",
      },
    ]);
    // A family member's own reads are not shown: one member never sees what another looked at.
    await readPlan(s.family.id, s.users.parentUser.id);
    const res = await getAs(s.users.lead.id, `${auditPath(s.family.id)}/readers`);
    expect(res.status).toBe(200);
    const [own, ...others] = res.json.data;
    // The lead's own look at this page is a read too.
    expect(own).toMatchObject({
      name: s.users.lead.displayName,
      role: "Lead professional",
      reads: [{ what: "read who has looked at the records", count: 1 }],
    });
    expect(others).toEqual([
      {
        name: s.users.teamMember.displayName,
        agency: s.agencies.health.name,
        role: "Member of the team",
        lastAt: "2026-03-03T09:02:00.000Z",
        reads: [
          { what: "read the plan", lastAt: "2026-03-03T09:02:00.000Z", count: 2 },
          { what: "read the assessment", lastAt: "2026-03-01T09:00:00.000Z", count: 1 },
        ],
      },
      {
        name: s.users.manager.displayName,
        agency: s.agencies.school.name,
        role: "Service manager",
        lastAt: "2026-03-01T08:00:00.000Z",
        reads: [{ what: "read the family's record", lastAt: "2026-03-01T08:00:00.000Z", count: 1 }],
      },
    ]);
    const body = JSON.stringify(res.json.data);
    for (const id of Object.values(s.users).map((u) => u.id)) expect(body).not.toContain(id);
    expect((await getAs(s.users.parentUser.id, `${auditPath(s.family.id)}/readers`)).status).toBe(
      403,
    );
    expect((await getAs(s.users.teamMember.id, `${auditPath(s.family.id)}/readers`)).status).toBe(
      403,
    );
  });
});

describe("GET /api/families/{familyId}/audit/former-team-reads", () => {
  it("reports reads made after the reader left the team, not those before", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(teamMemberships)
      .set({
        addedAt: new Date("2026-01-01T00:00:00Z"),
        removedAt: new Date("2026-03-02T12:00:00Z"),
      })
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    await logged(s.family.id, [
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-02T09:00:00Z" },
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-03T09:00:00Z" },
      { actorId: s.users.teamMember.id, event: "plan.read", at: "2026-03-04T09:00:00Z" },
      { actorId: s.users.teamMember.id, event: "assessment.read", at: "2026-03-05T09:00:00Z" },
      // The lead was never removed: not in the report.
      { actorId: s.users.lead.id, event: "plan.read", at: "2026-03-05T09:00:00Z" },
    ]);
    for (const userId of [s.users.lead.id, s.users.manager.id]) {
      const res = await getAs(userId, `${auditPath(s.family.id)}/former-team-reads`);
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual([
        {
          name: s.users.teamMember.displayName,
          agency: s.agencies.health.name,
          leftAt: "2026-03-02T12:00:00.000Z",
          what: "read the assessment",
          count: 1,
          firstAt: "2026-03-05T09:00:00.000Z",
          lastAt: "2026-03-05T09:00:00.000Z",
        },
        {
          name: s.users.teamMember.displayName,
          agency: s.agencies.health.name,
          leftAt: "2026-03-02T12:00:00.000Z",
          what: "read the plan",
          count: 2,
          firstAt: "2026-03-03T09:00:00.000Z",
          lastAt: "2026-03-04T09:00:00.000Z",
        },
      ]);
    }
    const readers = await getAs(s.users.lead.id, `${auditPath(s.family.id)}/readers`);
    expect(
      readers.json.data.find((r: { name: string }) => r.name === s.users.teamMember.displayName),
    ).toMatchObject({ role: "No longer in the team" });
    const refused = await getAs(
      s.users.teamMember.id,
      `${auditPath(s.family.id)}/former-team-reads`,
    );
    expect(refused.status).toBe(404);
  });
});

describe("audit_events", () => {
  it("refuses UPDATE at the database", async () => {
    const s = await buildScenario(api.deps.db);
    await readPlan(s.family.id, s.users.lead.id);
    const [row] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id));
    const id = row?.id ?? 0;
    await expect(
      api.deps.db
        .update(auditEvents)
        .set({ event: "nothing.happened" })
        .where(eq(auditEvents.id, id)),
    ).rejects.toThrow();
    const [after] = await api.deps.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(after?.event).toBe("plan.read");
  });
});
