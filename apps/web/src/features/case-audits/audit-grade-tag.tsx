import { type AuditGrade, auditGradeWords } from "@teamaround/domain";
import { Tag, type TagColour } from "../../components/govuk";

const colours: Record<AuditGrade, TagColour> = {
  outstanding: "green",
  good: "turquoise",
  requires_improvement: "yellow",
  inadequate: "red",
};

/** A grade as a coloured tag, always with its words. */
export function AuditGradeTag({ grade }: { grade: AuditGrade }) {
  return <Tag colour={colours[grade]}>{auditGradeWords[grade].label}</Tag>;
}
