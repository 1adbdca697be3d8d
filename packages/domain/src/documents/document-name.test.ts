import { describe, expect, it } from "vitest";
import { shouldReconnect } from "./close-codes";
import { documentKinds, formatDocumentName, parseDocumentName } from "./document-name";

const familyId = "0b4e7f0e-8a3c-4d2b-9f1e-2c6d5a7b8e90";

describe("document names", () => {
  it.each(documentKinds)("round-trips %s:<familyId>", (kind) => {
    const name = formatDocumentName({ kind, familyId });
    expect(name).toBe(`${kind}:${familyId}`);
    expect(parseDocumentName(name)).toEqual({ kind, familyId });
  });

  it("lower-cases the family id so one family has one document name", () => {
    expect(parseDocumentName(`plan:${familyId.toUpperCase()}`)).toEqual({ kind: "plan", familyId });
  });

  it.each([
    "",
    "plan",
    `plan:`,
    `minutes:${familyId}`,
    `PLAN:${familyId}`,
    `plan:${familyId}:extra`,
    "plan:not-a-uuid",
    ` plan:${familyId}`,
    `plan:${familyId}${"x".repeat(200)}`,
  ])("refuses %j", (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});

describe("close codes", () => {
  it("tells clients to stop on 44xx and retry otherwise", () => {
    expect(shouldReconnect(4401)).toBe(false);
    expect(shouldReconnect(4403)).toBe(false);
    expect(shouldReconnect(1011)).toBe(true);
    expect(shouldReconnect(1001)).toBe(true);
  });
});
