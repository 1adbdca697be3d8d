import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { auditKindLabels } from "@teamaround/domain";
import type { AuditLine } from "../../api/types";
import { Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { useFamily, useFamilyId } from "../family/family-queries";
import { AuditFiltersForm } from "./audit-filters-form";
import { auditCsvHref, auditFilters, auditQuery } from "./audit-queries";
import { FormerTeamReads } from "./former-team-reads";

const route = getRouteApi("/_authed/families/$familyId/audit");

export function AuditPage() {
  const familyId = useFamilyId();
  const search = route.useSearch();
  const navigate = useNavigate();
  const family = useFamily(familyId);
  const page = useQuery(auditQuery(familyId, search));
  const abilities = page.data?.abilities;
  const filters = auditFilters(search);
  usePageTitle(`Audit log – ${family.data?.data.displayName ?? "Family"}`);
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Everything done with this family's record, newest first, in plain words. A person's reads of
        the same thing one after another on the same day show as one line. Your own reading of this
        log is recorded too.
      </p>
      {abilities?.audit.read_readers ? (
        <p className="govuk-body">
          <Link to="/families/$familyId/audit/readers" params={{ familyId }} className="govuk-link">
            Who has looked at these records
          </Link>
        </p>
      ) : null}
      {page.data ? (
        <AuditFiltersForm
          key={JSON.stringify(filters)}
          search={search}
          people={page.data.people}
          onApply={(next) =>
            void navigate({ to: "/families/$familyId/audit", params: { familyId }, search: next })
          }
        />
      ) : null}
      {page.isPending ? <Loading /> : null}
      {page.error ? <LoadFailed error={page.error} /> : null}
      {page.data ? (
        <>
          {abilities?.audit.export ? (
            <p className="govuk-body">
              <a className="govuk-link" href={auditCsvHref(familyId, search)} download>
                Download CSV
              </a>{" "}
              <span className="govuk-hint">(every entry the filters select, one a line)</span>
            </p>
          ) : null}
          <div className="app-table-scroll">
            <Table<AuditLine>
              caption={search.before ? "Older entries" : "Latest entries"}
              captionSize="s"
              rows={page.data.data}
              rowKey={(l) => String(l.id)}
              columns={[
                { header: "When", cell: (l) => formatDateTime(l.at) },
                { header: "What happened", cell: (l) => l.words },
                { header: "Kind", cell: (l) => (l.kind ? auditKindLabels[l.kind] : "") },
              ]}
            />
          </div>
          {page.data.data.length === 0 ? (
            <p className="govuk-body">Nothing in the log matches these filters.</p>
          ) : null}
        </>
      ) : null}
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit log pages">
        {search.before ? (
          <div className="govuk-pagination__prev">
            <Link
              to="/families/$familyId/audit"
              params={{ familyId }}
              search={filters}
              className="govuk-link govuk-pagination__link"
              rel="prev"
            >
              <span className="govuk-pagination__link-title">Newest entries</span>
            </Link>
          </div>
        ) : null}
        {page.data?.nextBefore ? (
          <div className="govuk-pagination__next">
            <Link
              to="/families/$familyId/audit"
              params={{ familyId }}
              search={{ ...filters, before: page.data.nextBefore }}
              className="govuk-link govuk-pagination__link"
              rel="next"
            >
              <span className="govuk-pagination__link-title">Older entries</span>
            </Link>
          </div>
        ) : null}
      </nav>
      {abilities?.audit.read_former_team && !search.before ? (
        <FormerTeamReads familyId={familyId} />
      ) : null}
    </>
  );
}
