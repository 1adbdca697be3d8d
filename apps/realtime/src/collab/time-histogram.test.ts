import { describe, expect, it } from "vitest";
import { histogramBoundsMs, histogramQuantile, TimeHistogram } from "./time-histogram";

describe("TimeHistogram", () => {
  it("counts each duration in the first bucket whose bound holds it", () => {
    const h = new TimeHistogram();
    for (const ms of [0, 0.5, 0.51, 3, 4, 4.01, 5000]) h.record(ms);
    const at = (bound: number) => h.counts[histogramBoundsMs.indexOf(bound)];
    expect(at(0.5)).toBe(2);
    expect(at(1)).toBe(1);
    expect(at(4)).toBe(2);
    expect(at(8)).toBe(1);
    expect(at(Infinity)).toBe(1);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it("answers the bound under which a share of the counts fall", () => {
    const h = new TimeHistogram();
    for (let i = 0; i < 98; i++) h.record(0.8);
    h.record(10);
    h.record(300);
    expect(histogramQuantile(h.counts, 0.5)).toBe(1);
    expect(histogramQuantile(h.counts, 0.99)).toBe(16);
    expect(histogramQuantile(h.counts, 1)).toBe(512);
    expect(histogramQuantile(new TimeHistogram().counts, 0.5)).toBeNull();
  });
});
