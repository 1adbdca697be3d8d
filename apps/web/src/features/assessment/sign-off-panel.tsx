import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { Button, ErrorSummary, SummaryList, Textarea } from "../../components/govuk";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDateTime } from "../../lib/dates";
import { useRefreshFamily } from "../family/family-queries";
import { missingLabel } from "./assessment-labels";
import type { Assessment } from "./assessment-queries";

type Step = "submit" | "approve" | "complete";

const stepWords: Record<Step, string> = {
  submit: "Submit for sign-off",
  approve: "Approve the assessment",
  complete: "Complete the assessment",
};

const when = (at: string | null, by: { name: string } | null) =>
  at ? `${formatDateTime(at)}${by ? ` by ${by.name}` : ""}` : null;

/** Who started, submitted, returned or approved the assessment, and when. */
export function SignOffTrail({ assessment }: { assessment: Assessment }) {
  const returned = assessment.returnComments !== null;
  const rows = [
    { key: "Started", value: when(assessment.startedAt, assessment.startedBy) },
    { key: "Submitted", value: when(assessment.submittedAt, assessment.submittedBy) },
    {
      key: returned ? "Returned" : "Signed off",
      value:
        assessment.decidedAt && (returned || assessment.status === "completed")
          ? when(assessment.decidedAt, assessment.decidedBy)
          : null,
    },
    { key: "Completed", value: when(assessment.completedAt, assessment.completedBy) },
  ].filter((row): row is { key: string; value: string } => row.value !== null);
  return (
    <>
      <SummaryList rows={rows} />
      {returned && assessment.status !== "completed" ? (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">What the manager asked for</h3>
          <p className="govuk-body">{assessment.returnComments}</p>
        </div>
      ) : null}
    </>
  );
}

function stepProblems(error: unknown): { text: string }[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { missing?: unknown } | undefined;
  if (Array.isArray(details?.missing)) {
    return details.missing.map((m) => ({ text: missingLabel(String(m)) }));
  }
  return [{ text: error.message }];
}

/** The sign-off buttons the caller may use now, from the server's `can`. */
export function SignOffActions({
  familyId,
  assessment,
}: {
  familyId: string;
  assessment: Assessment;
}) {
  const refresh = useRefreshFamily(familyId);
  const step = useMutation({
    mutationFn: (name: Step) => {
      const options = { params: { path: { familyId, assessmentId: assessment.id } }, body: {} };
      if (name === "submit") {
        return unwrap(
          api.POST("/api/families/{familyId}/assessments/{assessmentId}/submit", options),
        );
      }
      if (name === "approve") {
        return unwrap(
          api.POST("/api/families/{familyId}/assessments/{assessmentId}/approve", options),
        );
      }
      return unwrap(
        api.POST("/api/families/{familyId}/assessments/{assessmentId}/complete", options),
      );
    },
    onSuccess: () => refresh(),
    retry: false,
  });
  const steps = (["submit", "approve", "complete"] as const).filter((s) => assessment.can[s]);
  if (steps.length === 0 && !assessment.can.return) return null;
  const problems = stepProblems(step.error);
  return (
    <>
      {problems.length > 0 ? (
        <ErrorSummary title="The assessment cannot move on yet" errors={problems} />
      ) : null}
      <div className="govuk-button-group">
        {steps.map((s) => (
          <Button key={s} disabled={step.isPending} onClick={() => step.mutate(s)}>
            {stepWords[s]}
          </Button>
        ))}
      </div>
      {assessment.can.return ? <ReturnForm familyId={familyId} assessment={assessment} /> : null}
    </>
  );
}

function ReturnForm({ familyId, assessment }: { familyId: string; assessment: Assessment }) {
  const refresh = useRefreshFamily(familyId);
  const [comments, setComments] = useState("");
  const form = useApiForm({
    fields: { comments: { id: "return-comments", label: "What needs to change" } },
    validate: () => required([["comments", !comments.trim(), "Enter what needs to change"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/assessments/{assessmentId}/return", {
          params: { path: { familyId, assessmentId: assessment.id } },
          body: { comments },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <Textarea
        id="return-comments"
        label="Or return it to the lead professional: what needs to change?"
        labelClassName="govuk-label--s"
        rows={3}
        value={comments}
        onChange={setComments}
        error={form.fieldError("comments")}
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Return with comments
      </Button>
    </form>
  );
}
