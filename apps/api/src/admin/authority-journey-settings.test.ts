import { localAuthorities } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { patchAuthority } from "./authority-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function world() {
  const s = await buildScenario(api.deps.db);
  return { s, admin: await sessionCookieFor(api, s.users.administrator.id) };
}

const patch = (cookie: string, body: Record<string, unknown>) => patchAuthority(api, cookie, body);

async function settings(authorityId: string) {
  const [row] = await api.deps.db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  return row;
}

const fiveLevels = [
  { level: 1, label: "Universal", description: "" },
  { level: 2, label: "Universal plus", description: "One service" },
  { level: 3, label: "Targeted", description: "A team around the family" },
  { level: 4, label: "Complex", description: "Intensive family help" },
  { level: 5, label: "Statutory", description: "Social care" },
];

describe("the journey settings of the authority", () => {
  it("are read by everyone, family members included, with their defaults", async () => {
    const { s } = await world();
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const read = await call(api, "GET", "/api/authority", { cookie: parent });
    expect(read.json.data).toMatchObject({
      assessmentSignOffRequired: true,
      firstTacWorkingDays: 15,
      scoreLowLabel: "Very worried",
      scoreHighLabel: "All well",
    });
    const me = await call(api, "GET", "/api/me", { cookie: parent });
    expect(me.json.data.authority.firstTacWorkingDays).toBe(15);
  });

  it("are changed by an administrator, with a five-level scale", async () => {
    const { s, admin } = await world();
    const response = await patch(admin, {
      levelsOfNeed: fiveLevels,
      assessmentSignOffRequired: false,
      firstTacWorkingDays: 20,
      scoreLowLabel: "Not coping",
      scoreHighLabel: "Thriving",
    });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      levelsOfNeed: fiveLevels,
      assessmentSignOffRequired: false,
      firstTacWorkingDays: 20,
      scoreLowLabel: "Not coping",
      scoreHighLabel: "Thriving",
    });
    expect(await settings(s.authority.id)).toMatchObject({ firstTacWorkingDays: 20 });
  });

  it("lets a family be given the fifth level once the scale has one", async () => {
    const { s, admin } = await world();
    await patch(admin, { levelsOfNeed: fiveLevels });
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const created = await call(api, "POST", "/api/families", {
      cookie: lead,
      body: { displayName: "The Five family", levelOfNeed: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.json.data.levelOfNeed).toBe(5);
  });

  it.each([
    ["no working days", { firstTacWorkingDays: 0 }],
    ["more than 60 working days", { firstTacWorkingDays: 61 }],
    ["part of a day", { firstTacWorkingDays: 2.5 }],
    ["working days as text", { firstTacWorkingDays: "15" }],
    ["sign-off as text", { assessmentSignOffRequired: "yes" }],
    ["an empty score label", { scoreLowLabel: "  " }],
    ["a score label too long", { scoreHighLabel: "x".repeat(41) }],
    ["a control character in a label", { scoreLowLabel: "Very\u0007worried" }],
    [
      "eleven levels",
      {
        levelsOfNeed: Array.from({ length: 11 }, (_, i) => ({
          level: i + 1,
          label: `L${i + 1}`,
          description: "",
        })),
      },
    ],
    ["level 11", { levelsOfNeed: [{ level: 11, label: "Eleven", description: "" }] }],
  ])("refuse %s and change nothing", async (_what, body) => {
    const { s, admin } = await world();
    const before = await settings(s.authority.id);
    const response = await patch(admin, body);
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBeTypeOf("string");
    expect(await settings(s.authority.id)).toEqual(before);
  });

  it("are not changed by a manager (403), and nothing changes", async () => {
    const { s } = await world();
    const before = await settings(s.authority.id);
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await patch(manager, { firstTacWorkingDays: 10 })).status).toBe(403);
    expect(await settings(s.authority.id)).toEqual(before);
  });
});
