import { familyAreaWords, noticeDay } from "@teamaround/domain";
import { drawCorrections, type PrintedCorrection } from "./corrections-section";
import type { FamilyAssessment } from "./family-assessment";
import { makePrintout, type PrintoutHeader } from "./pdf-layout";

const sectionTitles: Record<string, string> = {
  family_story: "The family's story",
  working_well: "What is working well",
  worries: "What we are worried about",
  analysis: "What it all means",
  next_steps: "What needs to happen",
  child_voice: "In your own words",
  parent_voice: "In your own words",
};

const statusWords: Record<FamilyAssessment["status"], string> = {
  draft: "This assessment is still being written.",
  submitted: "This assessment is written and waiting for a manager to agree it.",
  returned: "This assessment is being finished.",
  completed: "This assessment is finished.",
};

/** The assessment as the family may see it, section by section, then the scores and any corrections. */
export function assessmentPdf(
  assessment: FamilyAssessment,
  header: PrintoutHeader,
  corrections: readonly PrintedCorrection[] = [],
) {
  return makePrintout(header, (w) => {
    w.paragraph(
      `${assessment.kind === "reassessment" ? "A new look at how things are" : "The first look at how things are"}, started on ${noticeDay(assessment.startedAt.toISOString())}.`,
    );
    w.paragraph(
      assessment.completedAt
        ? `${statusWords.completed} It was finished on ${noticeDay(assessment.completedAt.toISOString())}.`
        : statusWords[assessment.status],
    );
    for (const { section, text } of [...assessment.sections, ...assessment.voices]) {
      w.heading(sectionTitles[section] ?? section);
      const empty = text.trim() === "";
      w.paragraph(empty ? "Nothing written yet." : text, { muted: empty });
    }
    w.heading("How things are, from 0 (very worried) to 10 (all well)");
    if (assessment.scores.length === 0) w.paragraph("No scores yet.");
    for (const s of assessment.scores) {
      const who = s.childName ? ` for ${s.childName}` : "";
      const view = s.scoredBy === "family" ? "your family's view" : "the practitioners' view";
      w.heading(`How things are ${familyAreaWords[s.area]}${who}`, 3);
      w.paragraph(`${s.score} out of 10 (${view}).`);
      if (s.strengths) w.field("What is going well", s.strengths);
      if (s.needs) w.field("What needs to change", s.needs);
    }
    drawCorrections(w, corrections);
  });
}
