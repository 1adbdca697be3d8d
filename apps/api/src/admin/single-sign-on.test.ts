import { oidcSecretSuffix } from "@teamaround/config";
import { buildAuthority, buildUser } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

const secret = "the-client-secret-never-shown";
const clientId = "3f2a9c1e-0b6d-4c1a-9e2f-7a1b2c3d4e5f";
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    config: {
      oidc: { defaultClientSecret: null, clientSecrets: { [oidcSecretSuffix(clientId)]: secret } },
    },
  });
});
afterAll(() => api.close());

async function administrator(options: { totp: boolean }) {
  const authority = await buildAuthority(api.deps.db);
  const admin = await buildUser(api.deps.db, {
    authorityId: authority.id,
    role: "administrator",
    totpKey: options.totp ? "c2VjcmV0LWtleS1ieXRlcy0yMA==" : null,
  });
  return { authority, cookie: await sessionCookieFor(api, admin.id) };
}

const path = "/api/authority/single-sign-on";

describe("single sign-on settings", () => {
  it("are set by the administrator and never show the secret", async () => {
    const { cookie } = await administrator({ totp: true });
    const before = await call(api, "GET", path, { cookie });
    expect(before.json.data).toMatchObject({
      issuer: null,
      clientId: null,
      requireStaffSso: false,
      clientSecretConfigured: false,
      callbackUrl: `${testOrigin}/api/auth/oidc/callback`,
      version: 1,
    });
    const changed = await call(api, "PATCH", path, {
      cookie,
      body: {
        version: 1,
        issuer: "https://login.example.test/tenant/v2.0",
        clientId,
        displayName: "Sign in with Northshire Council",
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.data).toMatchObject({
      issuer: "https://login.example.test/tenant/v2.0",
      clientSecretVariable: "OIDC_CLIENT_SECRET_3F2A9C1E_0B6D_4C1A_9E2F_7A1B2C3D4E5F",
      clientSecretConfigured: true,
      version: 2,
    });
    expect(JSON.stringify(changed.json)).not.toContain(secret);
    const required = await call(api, "PATCH", path, {
      cookie,
      body: { version: 2, requireStaffSso: true },
    });
    expect(required.json.data).toMatchObject({ requireStaffSso: true, version: 3 });
    const stale = await call(api, "PATCH", path, {
      cookie,
      body: { version: 2, displayName: null },
    });
    expect(stale.status).toBe(409);
  });

  it("requires single sign-on only when it is complete and the administrator has a way back in", async () => {
    const { cookie } = await administrator({ totp: false });
    const incomplete = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, requireStaffSso: true },
    });
    expect(incomplete.status).toBe(422);
    await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, issuer: "https://login.example.test", clientId: "no-secret-for-this" },
    });
    const noSecret = await call(api, "PATCH", path, {
      cookie,
      body: { version: 2, requireStaffSso: true },
    });
    expect(noSecret.json.error.message).toMatch(/client secret/);
    await call(api, "PATCH", path, { cookie, body: { version: 2, clientId } });
    const noTotp = await call(api, "PATCH", path, {
      cookie,
      body: { version: 3, requireStaffSso: true },
    });
    expect(noTotp.status).toBe(422);
    expect(noTotp.json.error.message).toMatch(/two-step verification/);
    const plainHttp = await call(api, "PATCH", path, {
      cookie,
      body: { version: 3, issuer: "http://login.example.test" },
    });
    expect(plainHttp.status).toBe(422);
  });
});
