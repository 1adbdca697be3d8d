import { describe, expect, it } from "vitest";
import { parseEnvironment } from "./index";

describe("ICE settings for the meeting call", () => {
  it("has no STUN or TURN servers when nothing is set", () => {
    expect(parseEnvironment({}).ice).toEqual({
      stunUrls: [],
      turnUrls: [],
      turnSecret: null,
      turnTtlSeconds: 3600,
    });
  });

  it("reads comma-separated STUN and TURN URLs with the shared secret", () => {
    const env = parseEnvironment({
      STUN_URLS: "stun:turn.example.gov.uk:3478",
      TURN_URLS:
        "turn:turn.example.gov.uk:3478?transport=udp, turns:turn.example.gov.uk:443?transport=tcp",
      TURN_SECRET: "a-shared-secret-for-coturn",
      TURN_TTL_SECONDS: "600",
    });
    expect(env.ice).toEqual({
      stunUrls: ["stun:turn.example.gov.uk:3478"],
      turnUrls: [
        "turn:turn.example.gov.uk:3478?transport=udp",
        "turns:turn.example.gov.uk:443?transport=tcp",
      ],
      turnSecret: "a-shared-secret-for-coturn",
      turnTtlSeconds: 600,
    });
  });

  it("refuses TURN without its secret, and URLs of another scheme", () => {
    expect(() => parseEnvironment({ TURN_URLS: "turn:turn.example.gov.uk" })).toThrow(
      /TURN_SECRET/,
    );
    expect(() => parseEnvironment({ STUN_URLS: "https://example.gov.uk" })).toThrow(/STUN_URLS/);
    expect(() => parseEnvironment({ TURN_SECRET: "short" })).toThrow(/TURN_SECRET/);
  });
});
