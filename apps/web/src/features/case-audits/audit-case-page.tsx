import { Link, useNavigate } from "@tanstack/react-router";
import {
  type AuditGrade,
  auditGrades,
  auditGradeWords,
  type CaseAuditArea,
  caseAuditAreas,
  caseAuditAreaWords,
} from "@teamaround/domain";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Radios, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { type ClientIssue, type FieldSpecs, required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { useFamilyId, useRefreshFamily } from "../family/family-queries";

const overallItems = auditGrades.map((grade) => ({
  value: grade,
  label: auditGradeWords[grade].label,
  hint: auditGradeWords[grade].descriptor,
}));
const areaItems = auditGrades.map((grade) => ({
  value: grade,
  label: auditGradeWords[grade].label,
}));

const areaFields = Object.fromEntries(
  caseAuditAreas.flatMap((area, index) => {
    const label = caseAuditAreaWords[area].label;
    return [
      [`areas.${index}.grade`, { id: `${area}-grade`, label: `${label}: grade` }],
      [`areas.${index}.comment`, { id: `${area}-comment`, label: `${label}: comment` }],
    ];
  }),
) as FieldSpecs;

const fields: FieldSpecs = {
  grade: { id: "grade", label: "Overall grade" },
  ...areaFields,
  areas: { id: `${caseAuditAreas[0]}-grade`, label: "Areas" },
  feedback: { id: "feedback", label: "Feedback to the lead professional" },
};

type AreaAnswers = Record<CaseAuditArea, { grade: string; comment: string }>;
const noAnswers = Object.fromEntries(
  caseAuditAreas.map((area) => [area, { grade: "", comment: "" }]),
) as AreaAnswers;

function missingAnswers(grade: string, areas: AreaAnswers, feedback: string): ClientIssue[] {
  return required([
    ["grade", !grade, "Select the overall grade"],
    ...caseAuditAreas.flatMap((area, index) => {
      const label = caseAuditAreaWords[area].label;
      const answer = areas[area];
      return [
        [`areas.${index}.grade`, !answer.grade, `Select a grade for ${label.toLowerCase()}`],
        [`areas.${index}.comment`, !answer.comment.trim(), `Comment on ${label.toLowerCase()}`],
      ] as [string, boolean, string][];
    }),
    ["feedback", !feedback.trim(), "Enter your feedback to the lead professional"],
  ]);
}

/** A manager audits the case file against the authority's grade descriptors. */
export function AuditCasePage() {
  const familyId = useFamilyId();
  usePageTitle("Audit this case");
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [grade, setGrade] = useState("");
  const [areas, setAreas] = useState(noAnswers);
  const [feedback, setFeedback] = useState("");
  const answer = (area: CaseAuditArea, patch: Partial<AreaAnswers[CaseAuditArea]>) =>
    setAreas((all) => ({ ...all, [area]: { ...all[area], ...patch } }));
  const form = useApiForm({
    fields,
    validate: () => missingAnswers(grade, areas, feedback),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/case-audits", {
          params: { path: { familyId } },
          body: {
            grade: grade as AuditGrade,
            areas: caseAuditAreas.map((area) => ({
              area,
              grade: areas[area].grade as AuditGrade,
              comment: areas[area].comment,
            })),
            feedback,
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/oversight`, "Audit recorded", [
        "The lead professional will see your feedback and acknowledge it.",
      ]);
      await navigate({ to: "/families/$familyId/oversight", params: { familyId } });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Audit this case</h1>
        <p className="govuk-body">
          Grade the case file against your authority's descriptors. The lead professional sees the
          grades, your comments and your feedback; the family and the rest of the team do not.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          {caseAuditAreas.map((area, index) => (
            <section
              className="govuk-!-margin-bottom-6"
              key={area}
              aria-labelledby={`${area}-heading`}
            >
              <h2 className="govuk-heading-m" id={`${area}-heading`}>
                {caseAuditAreaWords[area].label}
              </h2>
              <Radios
                id={`${area}-grade`}
                legend={`Grade for ${caseAuditAreaWords[area].label.toLowerCase()}`}
                legendSize="s"
                small
                items={areaItems}
                value={areas[area].grade}
                onChange={(value) => answer(area, { grade: value })}
                error={form.fieldError(`areas.${index}.grade`)}
              />
              <Textarea
                id={`${area}-comment`}
                label="Comment"
                labelClassName="govuk-label--s"
                hint={caseAuditAreaWords[area].prompt}
                rows={3}
                value={areas[area].comment}
                onChange={(value) => answer(area, { comment: value })}
                error={form.fieldError(`areas.${index}.comment`)}
              />
            </section>
          ))}
          <Radios
            id="grade"
            legend="Overall grade"
            legendSize="m"
            items={overallItems}
            value={grade}
            onChange={setGrade}
            error={form.fieldError("grade")}
          />
          <Textarea
            id="feedback"
            label="Feedback to the lead professional"
            labelClassName="govuk-label--m"
            hint="What is working well, and what should change. The lead reads this and acknowledges it."
            rows={6}
            value={feedback}
            onChange={setFeedback}
            error={form.fieldError("feedback")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Record the audit
            </Button>
            <Link to="/families/$familyId/oversight" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
