import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { auditGradeWords, quarterOf } from "@teamaround/domain";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Input, Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDay, todayIso } from "../../lib/dates";
import { type AuditSample, auditSamplesQuery } from "./case-audit-queries";

type SampledFamily = AuditSample["families"][number];

/** A manager draws a quarter's random sample of their service's cases and follows its audits. */
export function AuditSamplePage() {
  usePageTitle("Audit sample");
  const samples = useQuery(auditSamplesQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Audit sample</h1>
      <p className="govuk-body">
        Each quarter, draw a random sample of your service's cases that were open during the
        quarter, then audit each one from its family's page.
      </p>
      <DrawSampleForm />
      {samples.isPending ? <Loading what="Loading the samples" /> : null}
      {samples.error ? <LoadFailed error={samples.error} /> : null}
      {samples.data?.length === 0 ? (
        <p className="govuk-body">No sample has been drawn yet.</p>
      ) : null}
      {samples.data?.map((sample) => (
        <PartBoundary what={`the sample for ${sample.quarter}`} key={sample.id}>
          <SampleTable sample={sample} />
        </PartBoundary>
      ))}
    </>
  );
}

const quarterShape = /^\d{4}-Q[1-4]$/;

function DrawSampleForm() {
  const queryClient = useQueryClient();
  const [quarter, setQuarter] = useState(() => quarterOf(todayIso()));
  const [size, setSize] = useState("10");
  const form = useApiForm({
    fields: {
      quarter: { id: "quarter", label: "Quarter" },
      size: { id: "size", label: "Number of cases" },
    },
    validate: () =>
      required([
        ["quarter", !quarterShape.test(quarter.trim()), "Enter the quarter, for example 2026-Q3"],
        [
          "size",
          !/^\d+$/.test(size) || Number(size) < 1 || Number(size) > 50,
          "Enter a number of cases from 1 to 50",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/manager/audit-samples", {
          body: { quarter: quarter.trim(), size: Number(size) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditSamplesQuery.queryKey }),
  });
  return (
    <>
      <FormProblems form={form} />
      <form noValidate onSubmit={form.handleSubmit(undefined)} className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m">Draw a sample</h2>
        <Input
          id="quarter"
          label="Quarter"
          labelClassName="govuk-label--s"
          hint="For example 2026-Q3 (July to September 2026). One sample a quarter."
          width="10"
          value={quarter}
          onChange={setQuarter}
          error={form.fieldError("quarter")}
        />
        <Input
          id="size"
          label="Number of cases"
          labelClassName="govuk-label--s"
          hint="From 1 to 50."
          width="3"
          inputMode="numeric"
          value={size}
          onChange={setSize}
          error={form.fieldError("size")}
        />
        <Button type="submit" disabled={form.pending}>
          Draw the sample
        </Button>
      </form>
    </>
  );
}

function SampleTable({ sample }: { sample: AuditSample }) {
  const audited = sample.families.filter((f) => f.audit !== null).length;
  return (
    <div className="app-table-scroll">
      <Table<SampledFamily>
        caption={`${sample.quarter}: ${audited} of ${sample.families.length} audited (drawn ${formatDay(sample.drawnAt)} by ${sample.drawnBy.name})`}
        captionSize="m"
        rows={sample.families}
        rowKey={(f) => f.familyId}
        columns={[
          {
            header: "Family",
            cell: (f) => (
              <Link
                to="/families/$familyId/oversight"
                params={{ familyId: f.familyId }}
                className="govuk-link"
              >
                {f.displayName}
              </Link>
            ),
          },
          { header: "Reference", cell: (f) => f.reference },
          {
            header: "Audit",
            cell: (f) =>
              f.audit
                ? `${auditGradeWords[f.audit.grade].label}, ${formatDay(f.audit.auditedOn)}`
                : "Not yet audited",
          },
          {
            header: "Acknowledged by the lead",
            cell: (f) => (f.audit ? (f.audit.acknowledged ? "Yes" : "Not yet") : "–"),
          },
        ]}
      />
    </div>
  );
}
