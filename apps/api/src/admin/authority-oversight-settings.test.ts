import { families, localAuthorities } from "@teamaround/db";
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

describe("the authority's drift targets and localities", () => {
  it("have defaults, and an administrator changes them", async () => {
    const { s, admin } = await world();
    const read = await call(api, "GET", "/api/authority", { cookie: admin });
    expect(read.json.data).toMatchObject({
      triageTargetWorkingDays: 5,
      assessmentTargetWorkingDays: 45,
      actionOverdueDays: 14,
      localities: [],
    });
    const changed = await patch(admin, {
      triageTargetWorkingDays: 3,
      assessmentTargetWorkingDays: 35,
      actionOverdueDays: 7,
      localities: ["North", "South"],
    });
    expect(changed.status).toBe(200);
    expect(changed.json.data).toMatchObject({
      triageTargetWorkingDays: 3,
      assessmentTargetWorkingDays: 35,
      actionOverdueDays: 7,
      localities: ["North", "South"],
    });
    expect((await settings(s.authority.id))?.localities).toEqual(["North", "South"]);
  });

  it.each([
    [{ triageTargetWorkingDays: 0 }, 400],
    [{ assessmentTargetWorkingDays: 121 }, 400],
    [{ actionOverdueDays: -1 }, 400],
    [{ localities: ["North", " north "] }, 422],
  ])("refuses %o and changes nothing", async (body, status) => {
    const { s, admin } = await world();
    const before = await settings(s.authority.id);
    const res = await patch(admin, body);
    expect(res.status).toBe(status);
    expect(await settings(s.authority.id)).toEqual(before);
  });

  it("keeps a locality open cases still have", async () => {
    const { s, admin } = await world();
    await patch(admin, { localities: ["North", "South"] });
    await api.deps.db
      .update(families)
      .set({ locality: "North" })
      .where(eq(families.id, s.family.id));
    const res = await patch(admin, { localities: ["South"] });
    expect(res.status).toBe(409);
    expect((await settings(s.authority.id))?.localities).toEqual(["North", "South"]);
  });

  it("are changed by administrators only", async () => {
    const { s } = await world();
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await patch(manager, { actionOverdueDays: 1 })).status).toBe(403);
  });
});
