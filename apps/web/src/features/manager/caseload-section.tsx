import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { authorityQuery } from "../../app/session";
import { Select, Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import {
  type CaseloadFilter,
  type CaseloadRow,
  caseloadQuery,
  type LeadCaseload,
} from "./manager-queries";

const statusLabels: Record<CaseloadRow["status"], string> = {
  assessment: "Being assessed",
  plan_in_place: "Plan in place",
};

const ageLabels: Record<CaseloadRow["ageBand"], string> = {
  under_3_months: "Under 3 months",
  "3_to_6_months": "3 to 6 months",
  "6_to_12_months": "6 to 12 months",
  over_12_months: "Over 12 months",
};

const any = { value: "", label: "Any" };

function leadLabel(lead: { leadName: string | null }) {
  return lead.leadName ?? "Nobody (no lead professional)";
}

function PerLeadTable({ perLead }: { perLead: LeadCaseload[] }) {
  return (
    <Table
      caption="Open cases per lead professional"
      captionSize="s"
      rows={perLead}
      rowKey={(l) => l.leadUserId ?? "none"}
      firstCellIsHeader
      columns={[
        { header: "Lead professional", cell: leadLabel },
        { header: "Open cases", cell: (l) => l.open, numeric: true },
        { header: "Being assessed", cell: (l) => l.beingAssessed, numeric: true },
        { header: "Plan in place", cell: (l) => l.planInPlace, numeric: true },
      ]}
    />
  );
}

function Filters(props: {
  filter: CaseloadFilter;
  onChange: (filter: CaseloadFilter) => void;
  perLead: LeadCaseload[];
  localities: string[];
}) {
  const { filter, onChange } = props;
  const authority = useQuery(authorityQuery);
  const levels = authority.data?.levelsOfNeed ?? [];
  const set = (patch: Partial<CaseloadFilter>) => onChange({ ...filter, ...patch });
  const orUndefined = (value: string) => (value === "" ? undefined : value);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-quarter">
        <Select
          id="filter-lead"
          label="Lead professional"
          value={filter.lead ?? ""}
          onChange={(v) => set({ lead: orUndefined(v) })}
          options={[
            any,
            ...props.perLead.map((l) => ({ value: l.leadUserId ?? "none", label: leadLabel(l) })),
          ]}
        />
      </div>
      <div className="govuk-grid-column-one-quarter">
        <Select
          id="filter-level"
          label="Level of need"
          value={filter.levelOfNeed === undefined ? "" : String(filter.levelOfNeed)}
          onChange={(v) => set({ levelOfNeed: v === "" ? undefined : Number(v) })}
          options={[
            any,
            ...levels.map((l) => ({ value: String(l.level), label: `${l.level}: ${l.label}` })),
          ]}
        />
      </div>
      <div className="govuk-grid-column-one-quarter">
        <Select
          id="filter-status"
          label="Status"
          value={filter.status ?? ""}
          onChange={(v) => set({ status: orUndefined(v) as CaseloadFilter["status"] })}
          options={[
            any,
            ...Object.entries(statusLabels).map(([value, label]) => ({ value, label })),
          ]}
        />
      </div>
      <div className="govuk-grid-column-one-quarter">
        <Select
          id="filter-age"
          label="Open for"
          value={filter.age ?? ""}
          onChange={(v) => set({ age: orUndefined(v) as CaseloadFilter["age"] })}
          options={[any, ...Object.entries(ageLabels).map(([value, label]) => ({ value, label }))]}
        />
      </div>
      {props.localities.length > 0 ? (
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="filter-locality"
            label="Locality"
            value={filter.locality ?? ""}
            onChange={(v) => set({ locality: orUndefined(v) })}
            options={[any, ...props.localities.map((l) => ({ value: l, label: l }))]}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Every open case of the service (and of the leads the manager supervises). */
export function CaseloadSection() {
  const [filter, setFilter] = useState<CaseloadFilter>({});
  const caseload = useQuery(caseloadQuery(filter));
  const data = caseload.data;
  return (
    <section aria-labelledby="caseload" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="caseload">
        Caseload
      </h2>
      {caseload.isPending ? <Loading what="Loading the caseload" /> : null}
      {caseload.error ? <LoadFailed error={caseload.error} /> : null}
      {data ? (
        <>
          <PerLeadTable perLead={data.perLead} />
          <Filters
            filter={filter}
            onChange={setFilter}
            perLead={data.perLead}
            localities={data.localities}
          />
          <Table
            caption={`Open cases shown: ${data.data.length} of ${data.total}`}
            captionSize="s"
            rows={data.data}
            rowKey={(r) => r.episodeId}
            firstCellIsHeader
            columns={[
              {
                header: "Family",
                cell: (r) => (
                  <>
                    <Link
                      to="/families/$familyId"
                      params={{ familyId: r.familyId }}
                      className="govuk-link"
                    >
                      {r.familyName}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{r.familyReference}</span>
                  </>
                ),
              },
              { header: "Lead professional", cell: leadLabel },
              { header: "Status", cell: (r) => statusLabels[r.status] },
              { header: "Level of need", cell: (r) => r.levelOfNeed, numeric: true },
              { header: "Locality", cell: (r) => r.locality ?? "Not recorded" },
              {
                header: "Opened",
                cell: (r) => `${formatDay(r.openedOn)} (${ageLabels[r.ageBand].toLowerCase()})`,
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
