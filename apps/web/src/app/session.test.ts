import { describe, expect, it, vi } from "vitest";
import { api, unwrap } from "../api/client";
import { fakeApi } from "../testing/fake-api";
import { createQueryClient } from "./query-client";
import { meQuery, signOut } from "./session";

describe("signing out", () => {
  it("ends the session on the server and forgets every cached response", async () => {
    const fake = fakeApi({ "POST /api/auth/sign-out": [204] });
    const queryClient = createQueryClient(() => {});
    queryClient.setQueryData(["family", "f1", "members"], { data: [{ givenName: "Robin" }] });
    queryClient.setQueryData(["my", "actions"], []);
    await signOut(queryClient);
    expect(fake.callsTo("POST", "/api/auth/sign-out")).toHaveLength(1);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it("forgets the cache even when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    const queryClient = createQueryClient(() => {});
    queryClient.setQueryData(["family", "f1", "consents"], { data: [] });
    await signOut(queryClient);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe("a lost session", () => {
  it("is reported when any call answers 401", async () => {
    fakeApi({
      "GET /api/families": [
        401,
        { error: { code: "unauthenticated", message: "Please sign in." } },
      ],
    });
    const lost = vi.fn();
    const queryClient = createQueryClient(lost);
    await queryClient
      .fetchQuery({ queryKey: ["families"], queryFn: () => unwrap(api.GET("/api/families")) })
      .catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it("is not reported for the 'am I signed in?' check, whose 401 is an answer", async () => {
    fakeApi({
      "GET /api/me": [401, { error: { code: "unauthenticated", message: "Please sign in." } }],
    });
    const lost = vi.fn();
    const queryClient = createQueryClient(lost);
    await queryClient.fetchQuery(meQuery).catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
  });
});
