import type { FamilyAccess } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import type { SignOffState } from "./oversight-vocabulary";

/**
 * Closures and plans signed off by a manager. Who may act is the family
 * permission table (`closure`, `plan_sign_off`: the lead proposes or submits,
 * a service manager of the case decides — the same managers who sign off
 * assessments, and never the lead, who acts as the lead even when a manager);
 * whether the step makes sense now is below: the authority's setting and the
 * latest proposal's state. Both are sent with the record as `can`, so the
 * client never re-derives either.
 */

/** The latest closure proposal or plan submission of the episode, as far as the rules need it. */
export interface SignOffStanding {
  status: SignOffState;
}

const waiting = (latest: SignOffStanding | null) => latest?.status === "waiting";

export type ClosureStep = "close" | "propose" | "decide" | "withdraw";

/**
 * Why a closure step cannot happen now (a state conflict, 409), or null. Where
 * the authority asks for sign-off the lead proposes and a manager decides;
 * otherwise the lead closes at once. While a proposal waits nobody proposes
 * another or closes directly, so the manager decides on what was proposed.
 * The lead may withdraw a proposal only while it waits.
 * `latest` is the episode's latest proposal (for `decide` and `withdraw`, the one acted on).
 */
export function closureConflict(
  step: ClosureStep,
  latest: SignOffStanding | null,
  signOffRequired: boolean,
): string | null {
  switch (step) {
    case "close":
      if (signOffRequired) {
        return "Your authority asks for a manager's sign-off: propose the closure for sign-off instead.";
      }
      return waiting(latest) ? "A closure of this case is waiting for a manager's decision." : null;
    case "propose":
      if (!signOffRequired) {
        return "Your authority does not ask for a manager's sign-off: close the case instead.";
      }
      return waiting(latest) ? "A closure of this case is already waiting for sign-off." : null;
    case "decide":
      return waiting(latest) ? null : "Only a closure waiting for sign-off can be decided.";
    case "withdraw":
      return waiting(latest)
        ? null
        : "Only a closure waiting for sign-off can be withdrawn: this one has already been decided or withdrawn.";
  }
}

export interface ClosureAbilities {
  /** Close at once (no sign-off asked for). */
  close: boolean;
  /** Propose the closure for a manager's sign-off. */
  propose: boolean;
  approve: boolean;
  return: boolean;
  /** Take back the proposal that waits (the lead). */
  withdraw: boolean;
}

/** What the caller may do about closing the case now: policy and state together. */
export function closureAbilities(
  access: FamilyAccess,
  latest: SignOffStanding | null,
  signOffRequired: boolean,
): ClosureAbilities {
  const now = (step: ClosureStep) => closureConflict(step, latest, signOffRequired) === null;
  const decide = now("decide") && can(access, "closure", "sign_off");
  return {
    close: now("close") && can(access, "family", "close"),
    propose: now("propose") && can(access, "closure", "propose"),
    approve: decide,
    return: decide,
    withdraw: now("withdraw") && can(access, "closure", "withdraw"),
  };
}

export type PlanSignOffStep = "submit" | "decide";

/** Why a plan sign-off step cannot happen now (409), or null. */
export function planSignOffConflict(
  step: PlanSignOffStep,
  latest: SignOffStanding | null,
  signOffRequired: boolean,
): string | null {
  if (step === "decide") {
    return waiting(latest) ? null : "Only a plan waiting for sign-off can be decided.";
  }
  if (!signOffRequired) return "Your authority does not ask for a manager's sign-off of plans.";
  return waiting(latest) ? "The plan is already waiting for a manager's sign-off." : null;
}

export interface PlanSignOffAbilities {
  submit: boolean;
  approve: boolean;
  return: boolean;
}

/** What the caller may do about the plan's sign-off now: policy and state together. */
export function planSignOffAbilities(
  access: FamilyAccess,
  latest: SignOffStanding | null,
  signOffRequired: boolean,
): PlanSignOffAbilities {
  const now = (step: PlanSignOffStep) =>
    planSignOffConflict(step, latest, signOffRequired) === null;
  const decide = now("decide") && can(access, "plan_sign_off", "sign_off");
  return {
    submit: now("submit") && can(access, "plan_sign_off", "submit"),
    approve: decide,
    return: decide,
  };
}
