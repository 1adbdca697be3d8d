import type { TagColour } from "../../components/govuk";
import type { AssessmentSection, AssessmentStatus } from "./assessment-queries";

export const sectionLabels: Record<AssessmentSection, { title: string; hint: string }> = {
  family_story: {
    title: "The family's story",
    hint: "Who is in the family and what has happened.",
  },
  working_well: { title: "What is working well", hint: "Strengths the family can build on." },
  worries: {
    title: "What we are worried about",
    hint: "Said plainly, and what it means for the children.",
  },
  child_voice: { title: "The voice of the child", hint: "In the child's own words." },
  parent_voice: { title: "The voice of the parent or carer", hint: "In their own words." },
  analysis: { title: "Analysis", hint: "What it all means, weighing strengths against worries." },
  next_steps: { title: "What needs to happen", hint: "What the plan should set out to change." },
};

export const assessmentStatusTags: Record<AssessmentStatus, [string, TagColour]> = {
  draft: ["Being written", "blue"],
  submitted: ["Waiting for sign-off", "yellow"],
  returned: ["Returned with comments", "orange"],
  completed: ["Completed", "green"],
};

/** What the API's "missing" names mean, for the error summary. */
export function missingLabel(missing: string): string {
  if (missing === "scores") return "Score at least one need area";
  const section = sectionLabels[missing as AssessmentSection];
  return section ? `Write ${section.title.toLowerCase()}` : missing;
}
