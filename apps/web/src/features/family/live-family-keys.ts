import type { FamilyChangeResource } from "@teamaround/domain";
import { familyKey } from "./family-queries";

type QueryKey = readonly unknown[];

/** The family's queries (after `familyKey`) each kind of change can alter; absent: all of them. */
const familyParts: Partial<Record<FamilyChangeResource, readonly string[]>> = {
  outcome: ["outcomes"],
  action: ["outcomes"],
  consent: ["consents", "summary", "team"],
  team: ["team", "summary"],
  member: ["members", "summary"],
  sharing: ["sharing"],
  meeting: ["meetings"],
  agreement: ["agreements", "summary"],
  lawful_basis: ["lawful-bases", "team"],
  assessment: ["assessments", "summary", "distance-travelled"],
  review: ["reviews", "distance-travelled", "meetings"],
};

/** Lists of mine across families that a change can alter ("my actions", follow-ups). */
const myParts: Partial<Record<FamilyChangeResource, QueryKey>> = {
  action: ["my"],
  follow_up: ["my"],
};

/**
 * Which cached queries to read again when a live notice says a family's
 * record changed: the ones showing that kind of record, or everything about
 * the family when the change could touch anything (the family itself,
 * feedback). Reading again goes through the API, which applies the policy.
 */
export function queryKeysForChange(familyId: string, resource: FamilyChangeResource): QueryKey[] {
  const parts = familyParts[resource];
  const keys: QueryKey[] = parts
    ? parts.map((part) => [...familyKey(familyId), part])
    : [familyKey(familyId), ["families", familyId]];
  const mine = myParts[resource];
  return mine ? [...keys, mine] : keys;
}
