import { describe, expect, it } from "vitest";
import { reReferralOf } from "./re-referral";

const closedOn = (day: string) => ({ id: "episode-1", closedAt: new Date(`${day}T15:30:00Z`) });

describe("reReferralOf: a family back within 12 months of its last closure", () => {
  it.each([
    ["closed the same day", "2026-05-01", "2026-05-01", "episode-1"],
    ["closed a month earlier", "2026-04-01", "2026-05-01", "episode-1"],
    ["closed exactly 12 months earlier", "2025-05-01", "2026-05-01", "episode-1"],
    ["closed 12 months and a day earlier", "2025-04-30", "2026-05-01", null],
    ["closed two years earlier", "2024-05-01", "2026-05-01", null],
    ["closed after the request date", "2026-05-02", "2026-05-01", null],
    ["closed on 29 February, asked a year later", "2024-02-29", "2025-02-28", "episode-1"],
    ["closed on 31 March, asked on 31 March next year", "2025-03-31", "2026-03-31", "episode-1"],
    ["closed on 30 March, asked on 31 March next year", "2025-03-30", "2026-03-31", null],
  ])("%s → %s", (_label, closed, requestedOn, expected) => {
    expect(reReferralOf(closedOn(closed), requestedOn)).toBe(expected);
  });

  it("is no re-referral when the last episode is still open", () => {
    expect(reReferralOf({ id: "episode-1", closedAt: null }, "2026-05-01")).toBeNull();
  });

  it("is no re-referral for a family never known before", () => {
    expect(reReferralOf(null, "2026-05-01")).toBeNull();
  });
});
