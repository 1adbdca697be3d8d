import { describe, expect, it } from "vitest";
import { RealtimeEvent, revocationReasons } from "./realtime-events";

const familyId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const userId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";

describe("realtime events", () => {
  it("accepts what the API publishes", () => {
    const revoked = {
      type: "access.revoked",
      familyId,
      userIds: [userId],
      reason: revocationReasons.consentWithdrawn,
    };
    expect(RealtimeEvent.parse(revoked)).toEqual(revoked);
    const changed = {
      type: "family.changed",
      familyId,
      resource: "outcome",
      id: userId,
      change: "created",
      by: userId,
      at: "2026-11-23T10:00:00.000Z",
    };
    expect(RealtimeEvent.parse(changed)).toEqual(changed);
    expect(
      RealtimeEvent.parse({ type: "access.revoked", sessionIds: ["a".repeat(64)], reason: "x" }),
    ).toBeTruthy();
  });

  it("refuses what no publisher sends", () => {
    const bad = [
      { type: "access.revoked", reason: "names nobody" },
      { type: "access.revoked", userIds: ["not-a-uuid"], reason: "x" },
      { type: "access.revoked", sessionIds: ["token-not-hash"], reason: "x" },
      { type: "access.revoked", familyId, reason: "" },
      {
        type: "family.changed",
        familyId,
        resource: "secrets",
        id: userId,
        change: "created",
        by: userId,
        at: "2026-11-23T10:00:00Z",
      },
      { type: "something.else", familyId },
      null,
      "access.revoked",
    ];
    for (const value of bad) expect(RealtimeEvent.safeParse(value).success).toBe(false);
  });
});
