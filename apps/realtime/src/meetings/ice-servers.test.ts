import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { iceServersFor, turnCredential } from "./ice-servers";

const settings = {
  stunUrls: ["stun:turn.example.gov.uk:3478"],
  turnUrls: ["turn:turn.example.gov.uk:3478", "turns:turn.example.gov.uk:443?transport=tcp"],
  turnSecret: "a-shared-secret-for-coturn",
  turnTtlSeconds: 3600,
};
const now = new Date("2026-11-30T10:00:00Z");

describe("TURN credentials (coturn's REST-API scheme)", () => {
  it("names the expiry and the person, signed with the shared secret", () => {
    const { username, credential } = turnCredential(settings.turnSecret, "user-1", now, 3600);
    const expiry = Date.parse("2026-11-30T11:00:00Z") / 1000;
    expect(username).toBe(`${expiry}:user-1`);
    // What coturn computes from its static-auth-secret to check the credential.
    const expected = createHmac("sha1", settings.turnSecret).update(username).digest("base64");
    expect(credential).toBe(expected);
    expect(turnCredential("another-secret-entirely", "user-1", now, 3600).credential).not.toBe(
      credential,
    );
  });

  it("gives STUN as configured and TURN with a credential of one's own", () => {
    const [stun, turn] = iceServersFor(settings, "user-1", now);
    expect(stun).toEqual({ urls: settings.stunUrls });
    expect(turn).toMatchObject({
      urls: settings.turnUrls,
      username: expect.stringMatching(/:user-1$/),
    });
    expect(iceServersFor(settings, "user-2", now)[1]?.credential).not.toBe(turn?.credential);
  });

  it("gives nothing when nothing is configured", () => {
    expect(iceServersFor(undefined, "user-1", now)).toEqual([]);
    expect(iceServersFor({ ...settings, stunUrls: [], turnUrls: [] }, "user-1", now)).toEqual([]);
  });
});
