import { describe, expect, it } from "vitest";
import { figureScopeOf } from "./figure-scope";

describe("figureScopeOf", () => {
  it("gives a partnership analyst the whole partnership, agency or not", () => {
    expect(figureScopeOf({ userId: "a", role: "partnership_analyst", agencyId: null })).toEqual({
      kind: "partnership",
    });
    expect(figureScopeOf({ userId: "a", role: "partnership_analyst", agencyId: "x" })).toEqual({
      kind: "partnership",
    });
  });

  it("gives a manager their own service only", () => {
    expect(figureScopeOf({ userId: "m", role: "manager", agencyId: "x" })).toEqual({
      kind: "service",
      agencyId: "x",
    });
  });

  it("refuses a manager with no service", () => {
    expect(() => figureScopeOf({ userId: "m", role: "manager", agencyId: null })).toThrow(
      "Only managers of a service see its figures.",
    );
  });
});
