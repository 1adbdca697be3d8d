import { describe, expect, it } from "vitest";
import { CallSignalPayload, callLimits, callVideoBudget } from "./meeting-call";

describe("the call's video budget", () => {
  it("never rises as people join, and keeps ten within about 3 Mbit/s of uplink", () => {
    const budgets = Array.from({ length: callLimits.maxPeers }, (_, i) => callVideoBudget(i + 1));
    for (let i = 1; i < budgets.length; i++) {
      expect(budgets[i]?.maxBitrate).toBeLessThanOrEqual(budgets[i - 1]?.maxBitrate ?? 0);
      expect(budgets[i]?.scaleResolutionDownBy).toBeGreaterThanOrEqual(
        budgets[i - 1]?.scaleResolutionDownBy ?? 0,
      );
    }
    const ten = callVideoBudget(callLimits.maxPeers);
    expect(ten.maxBitrate * (callLimits.maxPeers - 1)).toBeLessThanOrEqual(3_000_000);
  });
});

describe("call signals", () => {
  const meetingId = "5d1f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e";
  const to = "6e2f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e";
  it("takes an offer and a candidate, and refuses anything else", () => {
    const offer = { kind: "description", type: "offer", sdp: "v=0" };
    expect(CallSignalPayload.safeParse({ meetingId, to, signal: offer }).success).toBe(true);
    const candidate = {
      kind: "candidate",
      candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
      sdpMid: "0",
      sdpMLineIndex: 0,
      usernameFragment: "abcd",
    };
    expect(CallSignalPayload.safeParse({ meetingId, to, signal: candidate }).success).toBe(true);
    for (const signal of [
      { ...offer, sdp: "" },
      { ...offer, type: "pranswer" },
      { ...offer, extra: 1 },
      { ...candidate, sdpMLineIndex: -1 },
      { kind: "bye" },
    ]) {
      expect(CallSignalPayload.safeParse({ meetingId, to, signal }).success).toBe(false);
    }
  });
});
