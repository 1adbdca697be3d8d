import type { familyMembers } from "@teamaround/db";
import { AppError, ageOn, dateWindows, isWithinYears } from "@teamaround/domain";
import type { UpdateMemberInput } from "./members.schema";

export type MemberRow = typeof familyMembers.$inferSelect;
type Issue = { path: string; message: string };

function ageAtLeast(member: MemberRow, years: number, today: string): boolean {
  return member.dateOfBirth !== null && ageOn(member.dateOfBirth, today) >= years;
}

/** The family portal is for adults with parental responsibility and young people of 13 or more. */
export function mayHavePortalAccount(member: MemberRow, today: string): boolean {
  if (member.kind === "adult") return member.parentalResponsibility;
  return ageAtLeast(member, 13, today);
}

/** Who can agree to Early Help: a parent with parental responsibility, or a competent or 16+ young person. */
export function mayAgreeForThemselves(member: MemberRow, today: string): boolean {
  if (member.kind === "adult") return member.parentalResponsibility;
  return member.judgedCompetent || ageAtLeast(member, 16, today);
}

function futureDateIssue(dateOfBirth: string | null | undefined, today: string): Issue[] {
  return dateOfBirth && dateOfBirth > today
    ? [{ path: "dateOfBirth", message: "a date of birth cannot be in the future" }]
    : [];
}

function kindIssues(kind: MemberRow["kind"], changes: UpdateMemberInput, today: string): Issue[] {
  const onlyFor = (field: keyof UpdateMemberInput, who: string): Issue[] =>
    changes[field] === undefined ? [] : [{ path: field, message: `only ${who} have this` }];
  if (kind === "child") {
    return [
      ...onlyFor("relationship", "adults"),
      ...onlyFor("parentalResponsibility", "adults"),
      ...(changes.dateOfBirth === null
        ? [{ path: "dateOfBirth", message: "a child's date of birth is required" }]
        : []),
      ...(changes.dateOfBirth &&
      !isWithinYears(changes.dateOfBirth, dateWindows.childBirth, new Date(today))
        ? [{ path: "dateOfBirth", message: "a child's date of birth is at most 25 years ago" }]
        : []),
    ];
  }
  return onlyFor("judgedCompetent", "children");
}

function throwIfAny(issues: Issue[]): void {
  if (issues.length === 0) return;
  const message = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new AppError("unprocessable", `This family member cannot be saved (${message}).`, issues);
}

export function assertNewMemberValid(dateOfBirth: string | undefined, today: string): void {
  throwIfAny(futureDateIssue(dateOfBirth, today));
}

export function assertMemberChangeValid(
  kind: MemberRow["kind"],
  changes: UpdateMemberInput,
  today: string,
): void {
  throwIfAny([...kindIssues(kind, changes, today), ...futureDateIssue(changes.dateOfBirth, today)]);
}
