import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { LawfulBasis, LawfulBasisKind, NotToldReason } from "../../api/types";
import {
  Button,
  Checkboxes,
  DateInput,
  Radios,
  SummaryCard,
  SummaryList,
  Tag,
  Textarea,
} from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, dayToTimestamp, emptyDate, formatDay } from "../../lib/dates";
import { lawfulBasisLabels, notToldReasonLabels } from "../../lib/labels";
import {
  lawfulBasesQuery,
  useFamily,
  useFamilyId,
  useRefreshFamily,
} from "../family/family-queries";
import { agenciesQuery } from "./consent-queries";

export function LawfulBasesPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const bases = useQuery(lawfulBasesQuery(familyId));
  usePageTitle(`Lawful basis – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = family.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Sharing without consent</h1>
      <p className="govuk-body">
        Decisions to share information on a lawful basis other than consent. Only staff see these
        records.
      </p>
      {abilities?.lawful_basis.record ? (
        <Link
          to="/families/$familyId/lawful-bases/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Record a lawful basis
        </Link>
      ) : null}
      {bases.isPending ? <Loading /> : null}
      {bases.error ? <LoadFailed error={bases.error} /> : null}
      {bases.data?.data.length === 0 ? (
        <p className="govuk-body">No lawful basis has been recorded.</p>
      ) : null}
      {bases.data?.data.map((b) => (
        <SummaryCard
          key={b.id}
          title={lawfulBasisLabels[b.basis]}
          actions={[
            abilities?.lawful_basis.end && b.state === "active" ? (
              <Link
                key="end"
                to="/families/$familyId/lawful-bases/$lawfulBasisId/end"
                params={{ familyId, lawfulBasisId: b.id }}
                className="govuk-link"
              >
                End<span className="govuk-visually-hidden"> this lawful basis</span>
              </Link>
            ) : null,
          ]}
        >
          <SummaryList rows={basisRows(b)} />
        </SummaryCard>
      ))}
    </>
  );
}

function basisRows(b: LawfulBasis) {
  return [
    {
      key: "Status",
      value:
        b.state === "active" ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Ended</Tag>,
    },
    { key: "Agencies", value: b.agencies.map((a) => a.name).join(", ") },
    { key: "Justification", value: b.justification },
    { key: "Decided", value: `${formatDay(b.decidedAt)} by ${b.decidedBy.name}` },
    {
      key: "Family told",
      value: b.familyTold
        ? "Yes"
        : `No: ${b.notToldReason ? notToldReasonLabels[b.notToldReason] : "reason not recorded"}`,
    },
    ...(b.endedAt ? [{ key: "Ended", value: formatDay(b.endedAt) }] : []),
  ];
}

const fields = {
  basis: { id: "basis", label: "Lawful basis" },
  agencyIds: { id: "agencyIds", label: "Agencies" },
  justification: { id: "justification", label: "Justification" },
  decidedAt: { id: "decidedAt-day", label: "Date decided" },
  familyTold: { id: "familyTold", label: "Family told" },
  notToldReason: { id: "notToldReason", label: "Why the family was not told" },
};

export function NotToldReasonRadios({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  return (
    <Radios
      id="notToldReason"
      legend="Why not?"
      legendSize="s"
      items={(Object.keys(notToldReasonLabels) as NotToldReason[]).map((r) => ({
        value: r,
        label: notToldReasonLabels[r],
      }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

export function RecordLawfulBasisPage() {
  const familyId = useFamilyId();
  const agencies = useQuery(agenciesQuery);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [basis, setBasis] = useState("");
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [justification, setJustification] = useState("");
  const [decided, setDecided] = useState(emptyDate);
  const [told, setTold] = useState("");
  const [reason, setReason] = useState("");
  const day = datePartsToIso(decided);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["basis", !basis, "Select the lawful basis"],
        ["agencyIds", agencyIds.length === 0, "Select at least one agency"],
        ["justification", !justification.trim(), "Enter why sharing without consent is justified"],
        ["decidedAt", day === null, "Enter the date of the decision, as a real date"],
        ["familyTold", !told, "Select whether the family was told"],
        ["notToldReason", told === "no" && !reason, "Select why the family was not told"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/lawful-bases", {
          params: { path: { familyId } },
          body: {
            basis: basis as LawfulBasisKind,
            agencyIds,
            justification,
            decidedAt: dayToTimestamp(day ?? ""),
            familyTold: told === "yes",
            ...(told === "no" ? { notToldReason: reason as NotToldReason } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/lawful-bases`, "Lawful basis recorded");
      await navigate({ to: "/families/$familyId/lawful-bases", params: { familyId } });
    },
  });
  usePageTitle("Record a lawful basis", form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record a lawful basis for sharing</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Radios
            id="basis"
            legend="Which lawful basis?"
            legendSize="m"
            items={(Object.keys(lawfulBasisLabels) as LawfulBasisKind[]).map((b) => ({
              value: b,
              label: lawfulBasisLabels[b],
            }))}
            value={basis}
            onChange={setBasis}
            error={form.fieldError("basis")}
          />
          <Checkboxes
            id="agencyIds"
            legend="Which agencies does it cover?"
            legendSize="m"
            small
            items={(agencies.data ?? [])
              .filter((a) => a.active)
              .map((a) => ({ value: a.id, label: a.name }))}
            values={agencyIds}
            onChange={setAgencyIds}
            error={form.fieldError("agencyIds")}
          />
          <Textarea
            id="justification"
            label="Why is sharing without consent justified?"
            labelClassName="govuk-label--m"
            value={justification}
            onChange={setJustification}
            error={form.fieldError("justification")}
          />
          <DateInput
            id="decidedAt"
            legend="When was this decided?"
            legendSize="m"
            value={decided}
            onChange={setDecided}
            error={form.fieldError("decidedAt")}
          />
          <Radios
            id="familyTold"
            legend="Was the family told?"
            legendSize="m"
            items={[
              { value: "yes", label: "Yes" },
              {
                value: "no",
                label: "No",
                conditional: (
                  <NotToldReasonRadios
                    value={reason}
                    onChange={setReason}
                    error={form.fieldError("notToldReason")}
                  />
                ),
              },
            ]}
            value={told}
            onChange={setTold}
            error={form.fieldError("familyTold")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Save
            </Button>
            <Link
              to="/families/$familyId/lawful-bases"
              params={{ familyId }}
              className="govuk-link"
            >
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
