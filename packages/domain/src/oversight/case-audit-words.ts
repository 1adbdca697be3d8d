import type { AuditGrade, CaseAuditArea } from "./oversight-vocabulary";

/** The words on the case-file audit form: each grade with its descriptor. */
export const auditGradeWords: Record<AuditGrade, { label: string; descriptor: string }> = {
  outstanding: {
    label: "Outstanding",
    descriptor:
      "Practice is consistently strong and makes a clear, lasting difference to the children; it is an example to others.",
  },
  good: {
    label: "Good",
    descriptor:
      "Practice is sound and purposeful: the family's needs are understood, the plan is working and children are better off.",
  },
  requires_improvement: {
    label: "Requires improvement",
    descriptor:
      "No child is left at risk, but practice is not yet good: gaps in the record, the plan or its follow-through slow the family's progress.",
  },
  inadequate: {
    label: "Inadequate",
    descriptor:
      "Weaknesses in practice leave children's needs unmet or unseen; the case needs management action now.",
  },
};

/** Each area the audit grades: its heading and the prompt shown under it on the form. */
export const caseAuditAreaWords: Record<CaseAuditArea, { label: string; prompt: string }> = {
  voice_of_the_child: {
    label: "Voice of the child",
    prompt:
      "Are the child's wishes and feelings recorded in their own words, and can you see how they shaped the plan?",
  },
  assessment_quality: {
    label: "Quality of the assessment",
    prompt:
      "Does the assessment analyse the family's strengths and needs, draw on every agency involved and explain what life is like for the child?",
  },
  plan_quality: {
    label: "Quality of the plan",
    prompt:
      "Are the outcomes specific and measurable, with named owners and dates, and does the family understand and agree them?",
  },
  multi_agency_working: {
    label: "Multi-agency working",
    prompt:
      "Are the right agencies in the team, do they attend the Team Around the Family meetings and carry out their actions?",
  },
  management_oversight: {
    label: "Management oversight",
    prompt:
      "Is there evidence of supervision and management decisions on the file, and were they acted upon?",
  },
  impact_and_outcomes: {
    label: "Impact and outcomes",
    prompt:
      "What difference has the work made for the child? Do the scores, reviews and the family's own view show progress?",
  },
};
