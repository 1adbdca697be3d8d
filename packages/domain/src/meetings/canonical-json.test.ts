import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x" }, 2], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null},2],"b":1}',
    );
  });

  it("gives equal values equal text whatever the key order", () => {
    expect(canonicalJson({ x: { q: 1, p: true } })).toBe(canonicalJson({ x: { p: true, q: 1 } }));
  });

  it("refuses what JSON cannot carry faithfully", () => {
    expect(() => canonicalJson({ at: new Date() })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});
