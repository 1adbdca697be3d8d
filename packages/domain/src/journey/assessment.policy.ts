import type { FamilyAccess } from "../authorization/actor";
import { relationshipOf } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import type { MemberKind } from "../shared/vocabulary";
import {
  type AssessmentSection,
  type AssessmentStatus,
  assessmentSections,
  isVoiceSection,
  type VoiceSection,
} from "./journey-vocabulary";

/**
 * Whose own words a reader may see. Staff in the team and service managers
 * read every voice; a family member reads only their own (a child's words
 * are not shown to their parent, nor a parent's to their child).
 */
export function canReadVoice(access: FamilyAccess, voice: { memberId: string }): boolean {
  if (!can(access, "assessment", "read")) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId !== null && access.familyMemberId === voice.memberId;
}

/** A child's voice is a child's; a parent's or carer's voice is an adult's. */
export function voiceFits(section: VoiceSection, kind: MemberKind): boolean {
  return section === "child_voice" ? kind === "child" : kind === "adult";
}

/** The sections the team writes together (every section but the voices). */
export const sharedSections = assessmentSections.filter(
  (section): section is Exclude<AssessmentSection, VoiceSection> => !isVoiceSection(section),
);

/** Words and scores change only while the assessment is being written or was returned. */
export function isOpenForWriting(status: AssessmentStatus): boolean {
  return status === "draft" || status === "returned";
}

/**
 * What must be there before an assessment is submitted or completed: every
 * shared section written (not blank) and at least one score. Empty when ready.
 */
export function missingBeforeSubmit(facts: {
  writtenSections: readonly AssessmentSection[];
  scoreCount: number;
}): string[] {
  const missing: string[] = sharedSections.filter((s) => !facts.writtenSections.includes(s));
  if (facts.scoreCount === 0) missing.push("scores");
  return missing;
}

/** The steps of the sign-off path an assessment may take now, for this caller. */
export interface AssessmentAbilities {
  write: boolean;
  score: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  complete: boolean;
}

/**
 * Policy and state together: who may act (the family permission table) and
 * whether the assessment's status and the authority's sign-off setting allow
 * it. Sent with the assessment so the client never re-derives either.
 */
export function assessmentAbilities(
  access: FamilyAccess,
  assessment: { status: AssessmentStatus },
  signOffRequired: boolean,
): AssessmentAbilities {
  const open = isOpenForWriting(assessment.status);
  const submitted = assessment.status === "submitted";
  return {
    write: open && can(access, "assessment", "write"),
    score: open && can(access, "score", "record"),
    submit: open && signOffRequired && can(access, "assessment", "submit"),
    approve: submitted && can(access, "assessment", "sign_off"),
    return: submitted && can(access, "assessment", "sign_off"),
    complete: open && !signOffRequired && can(access, "assessment", "complete"),
  };
}
