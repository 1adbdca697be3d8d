import { caseAuditAreaWords } from "@teamaround/domain";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, SummaryCard, SummaryList, Textarea } from "../../components/govuk";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDateTime, formatDay } from "../../lib/dates";
import { useRefreshFamily } from "../family/family-queries";
import { AuditGradeTag } from "./audit-grade-tag";
import type { CaseAudit } from "./case-audit-queries";

/** One audit: the grades with their comments, the feedback, and the lead's acknowledgement. */
export function CaseAuditCard({
  audit,
  canAcknowledge,
}: {
  audit: CaseAudit;
  canAcknowledge: boolean;
}) {
  return (
    <SummaryCard title={`Audit of ${formatDay(audit.auditedOn)} by ${audit.auditor.name}`}>
      <SummaryList
        rows={[
          { key: "Overall grade", value: <AuditGradeTag grade={audit.grade} /> },
          {
            key: "Lead professional audited",
            value: audit.practitioner?.name ?? "No lead professional at the time",
          },
          ...audit.areas.map((a) => ({
            key: caseAuditAreaWords[a.area].label,
            value: (
              <>
                <AuditGradeTag grade={a.grade} />
                <p className="govuk-body app-pre-wrap govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {a.comment}
                </p>
              </>
            ),
          })),
          {
            key: "Feedback",
            value: (
              <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{audit.feedback}</p>
            ),
          },
          {
            key: "Acknowledged",
            value: audit.acknowledgedAt ? (
              <>
                {formatDateTime(audit.acknowledgedAt)}
                {audit.practitionerResponse ? (
                  <p className="govuk-body app-pre-wrap govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    {audit.practitionerResponse}
                  </p>
                ) : null}
              </>
            ) : (
              "Not yet"
            ),
          },
        ]}
      />
      {canAcknowledge && !audit.acknowledgedAt ? <AcknowledgeForm audit={audit} /> : null}
    </SummaryCard>
  );
}

function AcknowledgeForm({ audit }: { audit: CaseAudit }) {
  const refresh = useRefreshFamily(audit.familyId);
  const [response, setResponse] = useState("");
  const id = `acknowledge-${audit.id}`;
  const form = useApiForm({
    fields: { response: { id: `${id}-response`, label: "Your response" } },
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/case-audits/{auditId}/acknowledge", {
          params: { path: { familyId: audit.familyId, auditId: audit.id } },
          body: response.trim() ? { response } : {},
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <>
      <FormProblems form={form} />
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <Textarea
          id={`${id}-response`}
          label="Your response (optional)"
          labelClassName="govuk-label--s"
          hint="The manager who audited the case reads it."
          rows={3}
          value={response}
          onChange={setResponse}
          error={form.fieldError("response")}
        />
        <Button type="submit" disabled={form.pending}>
          Acknowledge the feedback
        </Button>
      </form>
    </>
  );
}
