import { describe, expect, it } from "vitest";
import type { VersionAction, VersionOutcome } from "../meetings/plan-version";
import { planChangedSince, type SignOffPlan } from "./plan-for-sign-off";

const outcome: VersionOutcome = {
  id: "o1",
  area: "education",
  title: "Robin goes to school every day",
  measure: "Attendance above 95%",
  targetDate: "2027-01-31",
  status: "active",
};
const action: VersionAction = {
  id: "a1",
  outcomeId: "o1",
  text: "Walk Robin to school",
  dueDate: "2026-12-01",
  status: "open",
  completedAt: null,
  owners: [
    { kind: "family_member", memberId: "m1", name: "Sam Ashdown" },
    { kind: "practitioner", userId: "u1", name: "Jordan Hale", agencyName: "School" },
  ],
};
const plan: SignOffPlan = {
  format: 1,
  sections: { working_well: "Mornings are calmer.", worries: "Attendance" },
  outcomes: [outcome],
  actions: [action],
};

const changed = (over: Partial<SignOffPlan>) => planChangedSince(plan, { ...plan, ...over });

describe("whether the plan changed since it was signed off", () => {
  it("is unchanged when nothing but progress or names changed", () => {
    expect(planChangedSince(plan, structuredClone(plan))).toBe(false);
    expect(
      changed({
        actions: [
          {
            ...action,
            status: "done",
            completedAt: "2026-11-30T09:00:00.000Z",
            owners: [...action.owners].reverse().map((o) => ({ ...o, name: "Renamed" })),
          },
        ],
        outcomes: [{ ...outcome, status: "achieved" }],
      }),
    ).toBe(false);
  });

  it("reads the same rows in any order as the same plan", () => {
    const second = { ...action, id: "a2", text: "Book the nurse" };
    expect(
      planChangedSince(
        { ...plan, actions: [action, second] },
        { ...plan, actions: [second, action] },
      ),
    ).toBe(false);
  });

  it.each([
    ["the plan's words", { sections: { ...plan.sections, worries: "Attendance and sleep" } }],
    ["an outcome's measure", { outcomes: [{ ...outcome, measure: "Every day this term" }] }],
    ["an outcome dropped", { outcomes: [{ ...outcome, status: "dropped" as const }] }],
    ["an outcome added", { outcomes: [outcome, { ...outcome, id: "o2" }] }],
    ["an action's due date", { actions: [{ ...action, dueDate: "2026-12-15" }] }],
    ["an action dropped", { actions: [{ ...action, status: "dropped" as const }] }],
    ["an action removed", { actions: [] }],
    ["an action's owners", { actions: [{ ...action, owners: action.owners.slice(1) }] }],
  ])("has changed when %s changed", (_what, over) => {
    expect(changed(over)).toBe(true);
  });
});
