import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAccount } from "./auth-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("an authority that requires two-step verification for staff", () => {
  it("lets staff without TOTP reach only the enrolment routes", async () => {
    const { user } = await buildAccount(api, { requireStaffTotp: true });
    const cookie = await sessionCookieFor(api, user.id);
    const families = await call(api, "GET", "/api/families", { cookie });
    expect(families.status).toBe(403);
    expect(families.json.error.details).toEqual({ totpEnrolmentRequired: true });
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(200);
    expect((await call(api, "POST", "/api/me/totp/enrol", { cookie })).status).toBe(200);
  });

  it("does not gate staff when the authority does not require it", async () => {
    const { user } = await buildAccount(api, { requireStaffTotp: false });
    const cookie = await sessionCookieFor(api, user.id);
    expect((await call(api, "GET", "/api/families", { cookie })).status).toBe(200);
  });
});
