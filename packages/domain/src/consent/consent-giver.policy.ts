import { ageOn } from "../shared/age";
import type { MemberKind } from "../shared/vocabulary";

/** What the consent rules need to know of one family member. */
export interface ConsentMember {
  id: string;
  kind: MemberKind;
  parentalResponsibility: boolean;
  judgedCompetent: boolean;
  /** YYYY-MM-DD, or null when not recorded. */
  dateOfBirth: string | null;
}

/** One broken rule, naming the request field it concerns. */
export interface ConsentGiverIssue {
  path: "givenByMemberId" | "coversMemberIds";
  message: string;
}

/** A young person may consent for themselves from this age without a competence judgement. */
export const consentAge = 16;

/**
 * Whether this member may give consent at all: an adult with parental
 * responsibility; a young person aged 16 or over on `today`, or judged
 * competent. A child whose date of birth is unknown must be judged competent.
 */
export function giverRefusal(
  giver: ConsentMember | undefined,
  today: string,
): ConsentGiverIssue | null {
  const path = "givenByMemberId";
  if (!giver) return { path, message: "not a member of this family" };
  if (giver.kind === "adult" && !giver.parentalResponsibility) {
    return { path, message: "an adult needs parental responsibility to give consent" };
  }
  if (giver.kind === "child") {
    const oldEnough = giver.dateOfBirth !== null && ageOn(giver.dateOfBirth, today) >= consentAge;
    if (!oldEnough && !giver.judgedCompetent) {
      return { path, message: "a young person under 16 must be judged competent to consent" };
    }
  }
  return null;
}

/** For whom a giver may consent: a young person only for themselves; an adult for themselves and the children. */
function coverageRefusal(
  giver: ConsentMember,
  covered: readonly ConsentMember[],
): ConsentGiverIssue | null {
  const path = "coversMemberIds";
  if (giver.kind === "child" && covered.some((m) => m.id !== giver.id)) {
    return { path, message: "a young person may consent only for themselves" };
  }
  if (giver.kind === "adult" && covered.some((m) => m.id !== giver.id && m.kind !== "child")) {
    return { path, message: "an adult's consent covers themselves and the family's children" };
  }
  return null;
}

/**
 * Who may consent, and for whom (DESIGN §2), over the members of one family.
 * Returns every broken rule; empty when the consent may be recorded.
 */
export function consentGiverIssues(
  membersOfFamily: readonly ConsentMember[],
  givenByMemberId: string,
  coversMemberIds: readonly string[],
  today: string,
): ConsentGiverIssue[] {
  const byId = new Map(membersOfFamily.map((m) => [m.id, m]));
  const giver = byId.get(givenByMemberId);
  const covered = coversMemberIds
    .map((id) => byId.get(id))
    .filter((m): m is ConsentMember => m !== undefined);
  const issues: ConsentGiverIssue[] = [];
  const giverProblem = giverRefusal(giver, today);
  if (giverProblem) issues.push(giverProblem);
  if (covered.length < coversMemberIds.length) {
    issues.push({ path: "coversMemberIds", message: "not a member of this family" });
  } else if (giver && !giverProblem) {
    const coverageProblem = coverageRefusal(giver, covered);
    if (coverageProblem) issues.push(coverageProblem);
  }
  return issues;
}
