import type { familyMembers } from "@teamaround/db";
import { ageOn } from "@teamaround/domain";
import type { Issue } from "./field-checks";

type MemberRow = Pick<
  typeof familyMembers.$inferSelect,
  "id" | "kind" | "parentalResponsibility" | "judgedCompetent" | "dateOfBirth"
>;

function giverIssue(giver: MemberRow | undefined, today: string): Issue | null {
  const path = "givenByMemberId";
  if (!giver) return { path, message: "not a member of this family" };
  if (giver.kind === "adult" && !giver.parentalResponsibility) {
    return { path, message: "an adult needs parental responsibility to give consent" };
  }
  if (giver.kind === "child") {
    const sixteen = giver.dateOfBirth !== null && ageOn(giver.dateOfBirth, today) >= 16;
    if (!sixteen && !giver.judgedCompetent) {
      return { path, message: "a young person under 16 must be judged competent to consent" };
    }
  }
  return null;
}

function coverageIssue(giver: MemberRow, covered: readonly MemberRow[]): Issue | null {
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
 * Who may consent, and for whom (DESIGN §2): a parent with parental
 * responsibility for themselves and the children; a young person aged 16+
 * or judged competent, for themselves only.
 */
export function consentGiverIssues(
  familyMembersOfFamily: readonly MemberRow[],
  givenByMemberId: string,
  coversMemberIds: readonly string[],
  today: string,
): Issue[] {
  const byId = new Map(familyMembersOfFamily.map((m) => [m.id, m]));
  const giver = byId.get(givenByMemberId);
  const covered = coversMemberIds
    .map((id) => byId.get(id))
    .filter((m): m is MemberRow => m !== undefined);
  const issues: Issue[] = [];
  const giverProblem = giverIssue(giver, today);
  if (giverProblem) issues.push(giverProblem);
  if (covered.length < coversMemberIds.length) {
    issues.push({ path: "coversMemberIds", message: "not a member of this family" });
  } else if (giver && !giverProblem) {
    const coverageProblem = coverageIssue(giver, covered);
    if (coverageProblem) issues.push(coverageProblem);
  }
  return issues;
}
