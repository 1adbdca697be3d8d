import { call, type TestApi } from "../testing/test-api";

/** PATCH /api/authority with the version read just before, as the settings page sends it. */
export async function patchAuthority(api: TestApi, cookie: string, body: Record<string, unknown>) {
  const read = await call(api, "GET", "/api/authority", { cookie });
  return call(api, "PATCH", "/api/authority", {
    cookie,
    body: { version: read.json.data?.version, ...body },
  });
}
