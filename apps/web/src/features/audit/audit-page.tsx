import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { AuditEvent } from "../../api/types";
import { Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { roleLabels } from "../../lib/labels";
import { auditQuery, useFamily, useFamilyId } from "../family/family-queries";

const route = getRouteApi("/_authed/families/$familyId/audit");

/** "consent.withdraw" → "Consent withdraw"; the code stays visible for investigators. */
export function eventWords(event: string): string {
  const words = event.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function details(e: AuditEvent): string {
  if (!e.details) return "";
  return Object.entries(e.details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("; ");
}

export function AuditPage() {
  const familyId = useFamilyId();
  const { before } = route.useSearch();
  const family = useFamily(familyId);
  const page = useQuery(auditQuery(familyId, before));
  usePageTitle(`Audit log – ${family.data?.data.displayName ?? "Family"}`);
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Every read and change of this family's record, newest first. Your own reading of this log is
        recorded too.
      </p>
      {page.isPending ? <Loading /> : null}
      {page.error ? <LoadFailed error={page.error} /> : null}
      {page.data ? (
        <div className="app-table-scroll">
          <Table<AuditEvent>
            caption={before ? "Older entries" : "Latest entries"}
            captionSize="s"
            rows={page.data.data}
            rowKey={(e) => String(e.id)}
            columns={[
              { header: "When", cell: (e) => formatDateTime(e.at) },
              {
                header: "Who",
                cell: (e) =>
                  e.actorName ? (
                    <>
                      {e.actorName}
                      {e.actorRole ? (
                        <div className="govuk-hint govuk-!-margin-bottom-0">
                          {roleLabels[e.actorRole]}
                        </div>
                      ) : null}
                    </>
                  ) : (
                    "System"
                  ),
              },
              {
                header: "What",
                cell: (e) => (
                  <>
                    {eventWords(e.event)}
                    <div className="govuk-hint govuk-!-margin-bottom-0">{e.event}</div>
                  </>
                ),
              },
              {
                header: "Details",
                cell: (e) => <span className="govuk-body-s app-break-anywhere">{details(e)}</span>,
              },
              { header: "IP address", cell: (e) => e.ipAddress ?? "" },
            ]}
          />
        </div>
      ) : null}
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit log pages">
        {before ? (
          <div className="govuk-pagination__prev">
            <Link
              to="/families/$familyId/audit"
              params={{ familyId }}
              search={{}}
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
              search={{ before: page.data.nextBefore }}
              className="govuk-link govuk-pagination__link"
              rel="next"
            >
              <span className="govuk-pagination__link-title">Older entries</span>
            </Link>
          </div>
        ) : null}
      </nav>
    </>
  );
}
