import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api";
import { api, unwrap } from "./client";
import { ApiError } from "./errors";

describe("the API client", () => {
  it("sends JSON to our own origin with the session cookie on writes", async () => {
    const fake = fakeApi({ "POST /api/families": [201, { data: {} }] });
    await unwrap(
      api.POST("/api/families", {
        body: { displayName: "The Test family", levelOfNeed: 2, origin: "early_help_request" },
      }),
    );
    const [call] = fake.calls;
    expect(call?.url).toBe("http://teamaround.test/api/families");
    expect(call?.credentials).toBe("same-origin");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toEqual({
      displayName: "The Test family",
      levelOfNeed: 2,
      origin: "early_help_request",
    });
  });

  it("sends JSON's content type on a DELETE without a body (the API's CSRF rule)", async () => {
    const fake = fakeApi({ "DELETE /api/me/sessions/abc": [204] });
    await unwrap(
      api.DELETE("/api/me/sessions/{sessionId}", { params: { path: { sessionId: "abc" } } }),
    );
    expect(fake.calls[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("sends no content type on reads", async () => {
    const fake = fakeApi({ "GET /api/families": [200, { data: [] }] });
    await unwrap(api.GET("/api/families"));
    expect(fake.calls[0]?.headers.get("content-type")).toBeNull();
    expect(fake.calls[0]?.credentials).toBe("same-origin");
  });

  it("turns the API's error body into an ApiError with its code and details", async () => {
    fakeApi({
      "POST /api/families": [
        422,
        {
          error: {
            code: "unprocessable",
            message: "Not saved.",
            details: [{ path: "levelOfNeed", message: "not a configured level of need" }],
          },
        },
      ],
    });
    const error = await unwrap(
      api.POST("/api/families", {
        body: { displayName: "X", levelOfNeed: 9, origin: "early_help_request" },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "unprocessable", message: "Not saved." });
    expect((error as ApiError).fieldIssues).toEqual([
      { path: "levelOfNeed", message: "not a configured level of need" },
    ]);
  });
});
