import { canonicalJson } from "../meetings/canonical-json";
import type { VersionAction, VersionOutcome, VersionOwner } from "../meetings/plan-version";

/** Bumped when the shape of a stored plan snapshot changes; old snapshots keep their own. */
export const signOffPlanFormat = 1;

/**
 * The plan as a lead submits it for sign-off, kept with the submission: the
 * words of the plan document (not the family's voice, not practitioner
 * notes), and the episode's outcomes and actions as they stood.
 */
export interface SignOffPlan {
  format: typeof signOffPlanFormat;
  /** The plan document's sections as plain text. */
  sections: Record<string, string>;
  outcomes: VersionOutcome[];
  actions: VersionAction[];
}

const ownerKey = (owner: VersionOwner) =>
  owner.kind === "practitioner" ? `user:${owner.userId}` : `member:${owner.memberId}`;

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * What counts as the plan saying something else. Progress is not a change:
 * an action done or an outcome achieved leaves the plan as agreed, and a
 * person who changes their name is the same owner. Words, outcomes, actions,
 * dates and owners added, removed or changed, and anything dropped, are.
 */
function comparable(plan: SignOffPlan) {
  return {
    sections: plan.sections,
    outcomes: byId(plan.outcomes).map((o) => ({
      id: o.id,
      area: o.area,
      title: o.title,
      measure: o.measure,
      targetDate: o.targetDate,
      dropped: o.status === "dropped",
    })),
    actions: byId(plan.actions).map((a) => ({
      id: a.id,
      outcomeId: a.outcomeId,
      text: a.text,
      dueDate: a.dueDate,
      dropped: a.status === "dropped",
      owners: a.owners.map(ownerKey).sort(),
    })),
  };
}

/** Whether the plan now says something other than the plan signed off (or submitted). */
export function planChangedSince(before: SignOffPlan, now: SignOffPlan): boolean {
  return canonicalJson(comparable(before)) !== canonicalJson(comparable(now));
}
