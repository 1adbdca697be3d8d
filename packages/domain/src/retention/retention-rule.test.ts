import { describe, expect, it } from "vitest";
import { addYears, describeRetentionRule, retentionDueOn } from "./retention-rule";

const youngest25 = { kind: "youngest_child_age", years: 25 } as const;
const sixAfter = { kind: "years_after_closure", years: 6 } as const;

describe("retentionDueOn", () => {
  it("is due when the youngest child reaches the age", () => {
    const due = retentionDueOn(
      {
        episodes: [{ closedOn: "2020-03-01" }],
        childDatesOfBirth: ["2010-05-04", "2012-07-09"],
      },
      youngest25,
    );
    expect(due).toEqual({ dueOn: "2037-07-09", ruleApplied: youngest25 });
  });

  it("is due so many years after the last closure", () => {
    const due = retentionDueOn(
      { episodes: [{ closedOn: "2019-01-10" }, { closedOn: "2021-02-03" }], childDatesOfBirth: [] },
      sixAfter,
    );
    expect(due).toEqual({ dueOn: "2027-02-03", ruleApplied: sixAfter });
  });

  it("never falls due while an episode is open", () => {
    const facts = { episodes: [{ closedOn: null }], childDatesOfBirth: ["2010-01-01"] };
    expect(retentionDueOn(facts, youngest25)).toBeNull();
    expect(retentionDueOn(facts, sixAfter)).toBeNull();
  });

  it("never falls due for a family re-opened after a closure", () => {
    const facts = {
      episodes: [{ closedOn: "2015-01-01" }, { closedOn: null }],
      childDatesOfBirth: ["1990-01-01"],
    };
    expect(retentionDueOn(facts, sixAfter)).toBeNull();
    expect(retentionDueOn(facts, youngest25)).toBeNull();
  });

  it("counts from the latest closure when a re-opened family closed again", () => {
    const facts = {
      episodes: [{ closedOn: "2015-01-01" }, { closedOn: "2022-06-30" }],
      childDatesOfBirth: [],
    };
    expect(retentionDueOn(facts, sixAfter)?.dueOn).toBe("2028-06-30");
  });

  it("never falls due for a family with no episode", () => {
    expect(retentionDueOn({ episodes: [], childDatesOfBirth: [] }, sixAfter)).toBeNull();
  });

  it("falls back to years after closure when a child's date of birth is missing", () => {
    const due = retentionDueOn(
      { episodes: [{ closedOn: "2020-03-01" }], childDatesOfBirth: ["2010-05-04", null] },
      youngest25,
    );
    expect(due).toEqual({
      dueOn: "2026-03-01",
      ruleApplied: { kind: "years_after_closure", years: 6 },
    });
  });

  it("falls back to years after closure when no child is recorded", () => {
    const due = retentionDueOn(
      { episodes: [{ closedOn: "2020-03-01" }], childDatesOfBirth: [] },
      youngest25,
    );
    expect(due?.ruleApplied.kind).toBe("years_after_closure");
  });

  it("is due at closure when the youngest child is already past the age", () => {
    const due = retentionDueOn(
      { episodes: [{ closedOn: "2020-03-01" }], childDatesOfBirth: ["1980-01-01"] },
      youngest25,
    );
    expect(due?.dueOn).toBe("2020-03-01");
  });
});

describe("addYears", () => {
  it("moves 29 February to 28 February in a common year", () => {
    expect(addYears("2012-02-29", 25)).toBe("2037-02-28");
    expect(addYears("2012-02-29", 4)).toBe("2016-02-29");
  });
});

describe("describeRetentionRule", () => {
  it("says the rule in plain words", () => {
    expect(describeRetentionRule(youngest25)).toBe("Until the youngest child is 25");
    expect(describeRetentionRule(sixAfter)).toBe("6 years after closure");
  });
});
