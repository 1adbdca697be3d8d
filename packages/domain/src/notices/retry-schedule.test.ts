import { describe, expect, it } from "vitest";
import { defaultRetrySchedule, noticeRetryDelayMs } from "./retry-schedule";

describe("noticeRetryDelayMs", () => {
  const schedule = { baseMs: 1000, capMs: 8000, maxAttempts: 6 };

  it("doubles the delay each attempt up to the cap, jittered in the upper half", () => {
    expect(noticeRetryDelayMs(1, 0, schedule)).toBe(500);
    expect(noticeRetryDelayMs(1, 0.999_999, schedule)).toBe(1000);
    expect(noticeRetryDelayMs(2, 0, schedule)).toBe(1000);
    expect(noticeRetryDelayMs(3, 0.5, schedule)).toBe(3000);
    expect(noticeRetryDelayMs(5, 1, schedule)).toBe(8000);
  });

  it("gives up after the last attempt", () => {
    expect(noticeRetryDelayMs(5, 0.5, schedule)).not.toBeNull();
    expect(noticeRetryDelayMs(6, 0.5, schedule)).toBeNull();
  });

  it("keeps trying for between 1½ and 3 hours by default, whatever the jitter", () => {
    const span = (random: number) => {
      let total = 0;
      for (let attempt = 1; ; attempt++) {
        const delay = noticeRetryDelayMs(attempt, random, defaultRetrySchedule);
        if (delay === null) return total;
        total += delay;
      }
    };
    expect(span(0)).toBeGreaterThan(90 * 60_000);
    expect(span(0.999_999)).toBeLessThan(3.1 * 60 * 60_000);
  });
});
