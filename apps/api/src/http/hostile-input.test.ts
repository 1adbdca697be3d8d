import { families, familyMembers, localAuthorities } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { describeError } from "@teamaround/domain";
import { count, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

const logLines: string[] = [];
let api: TestApi;
let scenario: Scenario;
let lead: string;

/** A secret no log line may ever contain: it stands for case text in a hostile request. */
const caseText = "Robin-discloses-at-school";
const nul = "\u0000";

beforeAll(async () => {
  const logger = pino({ level: "debug" }, { write: (line: string) => logLines.push(line) });
  api = await startTestApi({ logger });
});
afterAll(() => api.close());
beforeEach(async () => {
  scenario = await buildScenario(api.deps.db);
  lead = await sessionCookieFor(api, scenario.users.lead.id);
});

async function familyRow() {
  const [row] = await api.deps.db
    .select()
    .from(families)
    .where(eq(families.id, scenario.family.id));
  return row;
}

async function childRow() {
  const [row] = await api.deps.db
    .select()
    .from(familyMembers)
    .where(eq(familyMembers.id, scenario.members.child.id));
  return row;
}

async function familiesCreatedByLead() {
  const [row] = await api.deps.db
    .select({ n: count() })
    .from(families)
    .where(eq(families.createdBy, scenario.users.lead.id));
  return row?.n ?? 0;
}

function expectRefused(res: { status: number; json: { error?: { code?: string } } }) {
  expect(res.status).toBe(400);
  expect(res.json.error?.code).toBe("validation_failed");
}

describe("NUL and other control characters are refused at the edge", () => {
  it("in the sign-in email, without signing in", async () => {
    const res = await call(api, "POST", "/api/auth/sign-in", {
      body: { email: `${caseText}${nul}@example.org`, password: "whatever password" },
    });
    expectRefused(res);
  });

  it("in a new family's name, creating nothing", async () => {
    const before = await familiesCreatedByLead();
    const res = await call(api, "POST", "/api/families", {
      cookie: lead,
      body: { displayName: `${caseText}${nul}`, levelOfNeed: 2 },
    });
    expectRefused(res);
    expect(res.json.error.details[0].path).toBe("displayName");
    expect(await familiesCreatedByLead()).toBe(before);
  });

  it.each([["0000"], ["0007"], ["000d"], ["001b"], ["007f"], ["0085"]])(
    "in a family member's family name (U+%s), changing nothing",
    async (hex) => {
      const control = String.fromCharCode(Number.parseInt(hex, 16));
      const before = await childRow();
      const res = await call(
        api,
        "PATCH",
        `/api/families/${scenario.family.id}/members/${scenario.members.child.id}`,
        { cookie: lead, body: { version: 1, familyName: `${caseText}${control}Smith` } },
      );
      expectRefused(res);
      expect(await childRow()).toEqual(before);
    },
  );

  it("in a query string", async () => {
    const query = encodeURIComponent(`${caseText}${nul}`);
    expectRefused(
      await call(api, "GET", `/api/directory/practitioners?q=${query}`, { cookie: lead }),
    );
    const admin = await sessionCookieFor(api, scenario.users.administrator.id);
    expectRefused(await call(api, "GET", `/api/users?q=${query}`, { cookie: admin }));
  });

  it("keeps line feeds and tabs in multi-line text", async () => {
    const res = await call(api, "POST", `/api/families/${scenario.family.id}/step-up`, {
      cookie: lead,
      body: { version: 1, note: "First line\n\tsecond line" },
    });
    expect(res.status).toBe(200);
  });

  it("and no log line carries the hostile text", () => {
    expect(logLines.filter((line) => line.includes(caseText))).toEqual([]);
  });
});

describe("integers within their column, and no empty changes", () => {
  it.each([2_147_483_648, Number.MAX_SAFE_INTEGER, 0, -1, 1.5])(
    "version %d on a PATCH → 400, changing nothing",
    async (version) => {
      const before = await familyRow();
      expectRefused(
        await call(api, "PATCH", `/api/families/${scenario.family.id}`, {
          cookie: lead,
          body: { version, levelOfNeed: 3 },
        }),
      );
      expect(await familyRow()).toEqual(before);
    },
  );

  it.each([
    ["a family", () => `/api/families/${scenario.family.id}`, { version: 1 }],
    [
      "a family member",
      () => `/api/families/${scenario.family.id}/members/${scenario.members.child.id}`,
      { version: 1, school: undefined },
    ],
  ])("an empty PATCH of %s → 400, changing nothing", async (_label, path, body) => {
    const before = await familyRow();
    const res = await call(api, "PATCH", path(), { cookie: lead, body });
    expectRefused(res);
    expect(await familyRow()).toEqual(before);
  });

  it("an empty PATCH of an agency or the authority → 400", async () => {
    const admin = await sessionCookieFor(api, scenario.users.administrator.id);
    expectRefused(
      await call(api, "PATCH", `/api/agencies/${scenario.agencies.school.id}`, {
        cookie: admin,
        body: {},
      }),
    );
    const [before] = await api.deps.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, scenario.authority.id));
    expectRefused(await call(api, "PATCH", "/api/authority", { cookie: admin, body: {} }));
    const [after] = await api.deps.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, scenario.authority.id));
    expect(after).toEqual(before);
  });
});

describe("dates within plausible windows", () => {
  const membersPath = () => `/api/families/${scenario.family.id}/members`;

  it.each([
    [
      "a child born in 1800",
      { kind: "child", givenName: "A", familyName: "B", dateOfBirth: "1800-01-01" },
    ],
    [
      "a child born 30 years ago",
      { kind: "child", givenName: "A", familyName: "B", dateOfBirth: yearsAgo(30) },
    ],
    [
      "an adult born in 1800",
      {
        kind: "adult",
        givenName: "A",
        familyName: "B",
        relationship: "aunt",
        dateOfBirth: "1800-01-01",
      },
    ],
  ])("%s is refused", async (_label, body) => {
    const before = await api.deps.db
      .select({ n: count() })
      .from(familyMembers)
      .where(eq(familyMembers.familyId, scenario.family.id));
    const res = await call(api, "POST", membersPath(), { cookie: lead, body });
    expectRefused(res);
    const after = await api.deps.db
      .select({ n: count() })
      .from(familyMembers)
      .where(eq(familyMembers.familyId, scenario.family.id));
    expect(after).toEqual(before);
  });

  it("a child's date of birth changed to 40 years ago is refused", async () => {
    const before = await childRow();
    const res = await call(api, "PATCH", `${membersPath()}/${scenario.members.child.id}`, {
      cookie: lead,
      body: { version: 1, dateOfBirth: yearsAgo(40) },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("dateOfBirth");
    expect(await childRow()).toEqual(before);
  });

  it("an outcome due in 9999 is refused", async () => {
    const res = await call(api, "POST", `/api/families/${scenario.family.id}/outcomes`, {
      cookie: lead,
      body: { area: "education", title: "T", measure: "M", targetDate: "9999-12-31" },
    });
    expectRefused(res);
  });
});

describe("errors from the database are logged without values", () => {
  it("describeError keeps the SQLSTATE and drops the SQL, its parameters and the message", async () => {
    let thrown: unknown;
    try {
      await api.deps.db.execute(sql`select ${`${caseText}${nul}`}::text as t`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    const described = describeError(thrown);
    expect(JSON.stringify(described)).not.toContain(caseText);
    expect(described.name).toBeTypeOf("string");
  });
});

function yearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}
