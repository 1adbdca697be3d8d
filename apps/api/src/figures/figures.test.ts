import { auditEvents } from "@teamaround/db";
import {
  buildFamily,
  buildScenario,
  buildUser,
  dateCurrentEpisode,
  type Scenario,
} from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
let s: Scenario;
let analystCookie: string;
const quarter = "/api/figures?period=quarter&from=2026-01-01";

beforeAll(async () => {
  api = await startTestApi();
  const db = api.deps.db;
  s = await buildScenario(db);
  const analyst = await buildUser(db, {
    authorityId: s.authority.id,
    role: "partnership_analyst",
    agencyId: null,
  });
  analystCookie = await sessionCookieFor(api, analyst.id);
  // Six episodes led by the school, two by housing, all open through the first quarter of 2026.
  for (const lead of [...Array(6).fill(s.users.lead), ...Array(2).fill(s.users.outsider)]) {
    const family = await buildFamily(db, { lead, locality: "North" });
    await dateCurrentEpisode(db, family.id, { openedAt: new Date("2025-12-01T10:00:00Z") });
  }
});
afterAll(() => api.close());

async function figureReads() {
  const rows = await api.deps.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.event, "figures.read"));
  return rows.length;
}

function row(json: { tables: { rows: { key: string }[] }[] }, key: string) {
  return json.tables.flatMap((t) => t.rows).find((r) => r.key === key) as
    | { total: { value: number | null; text: string }; cells: Record<string, { text: string }> }
    | undefined;
}

describe("GET /api/figures", () => {
  it("gives the analyst the partnership's figures for the period, one audit event per request", async () => {
    const before = await figureReads();
    const res = await call(api, "GET", quarter, { cookie: analystCookie });
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe("partnership");
    expect(res.json.period).toEqual({ kind: "quarter", from: "2026-01-01", to: "2026-03-31" });
    expect(row(res.json, "caseload.open")?.total).toEqual({ value: 8, text: "8" });
    expect(await figureReads()).toBe(before + 1);
  });

  it("hides a group under 5 and the group that would give it away", async () => {
    const res = await call(api, "GET", `${quarter}&split=lead_agency`, { cookie: analystCookie });
    expect(res.status).toBe(200);
    const open = row(res.json, "caseload.open");
    expect(open?.total.text).toBe("8");
    expect(open?.cells[s.agencies.housing.id]?.text).toBe("fewer than 5");
    expect(open?.cells[s.agencies.school.id]?.text).toBe("fewer than 5");
    expect(res.json.groups.map((g: { label: string }) => g.label)).toContain(
      s.agencies.school.name,
    );
  });

  it("gives a manager their own service's figures only", async () => {
    const cookie = await sessionCookieFor(api, s.users.manager.id);
    const res = await call(api, "GET", quarter, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe("service");
    expect(row(res.json, "caseload.open")?.total).toEqual({ value: 6, text: "6" });
  });

  it("defaults to the last whole quarter", async () => {
    api.clock.now = new Date("2026-05-10T09:00:00Z");
    const res = await call(api, "GET", "/api/figures", { cookie: analystCookie });
    expect(res.json.period).toEqual({ kind: "quarter", from: "2026-01-01", to: "2026-03-31" });
    api.clock.now = new Date();
  });

  it("refuses practitioners and family members", async () => {
    for (const user of [s.users.lead, s.users.parentUser]) {
      const res = await call(api, "GET", quarter, { cookie: await sessionCookieFor(api, user.id) });
      expect(res.status).toBe(403);
    }
  });

  it("answers 400 validation_failed to a bad split, date or period, and records nothing", async () => {
    const before = await figureReads();
    for (const path of [
      `${quarter}&split=postcode`,
      "/api/figures?from=2026-13-01",
      "/api/figures?period=week",
    ]) {
      const res = await call(api, "GET", path, { cookie: analystCookie });
      expect(res.status, path).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
    }
    expect(await figureReads()).toBe(before);
  });
});

describe("downloads", () => {
  it("gives the same figures as CSV, hidden cells as 'fewer than 5'", async () => {
    const res = await call(
      api,
      "GET",
      `/api/figures.csv?period=quarter&from=2026-01-01&split=lead_agency`,
      {
        cookie: analystCookie,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(
      "early-help-figures-2026-01-01-to-2026-03-31.csv",
    );
    const text = String(res.json);
    expect(text.split("\r\n")[0]).toBe(
      '"Period from","Period to","Section","Figure","Group","Value"',
    );
    expect(text).toContain(`"Open episodes","${s.agencies.housing.name}","fewer than 5"`);
    expect(text).toContain('"Open episodes","All","8"');
  });

  it("gives a board report as a PDF", async () => {
    const before = await figureReads();
    const res = await call(
      api,
      "GET",
      `/api/figures/board-report.pdf?period=quarter&from=2026-01-01`,
      {
        cookie: analystCookie,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(String(res.json).startsWith("%PDF")).toBe(true);
    expect(await figureReads()).toBe(before + 1);
  });
});
