import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { Pagination, Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { type DriftItem, driftQuery } from "./manager-queries";

const route = getRouteApi("/_authed/dashboard");

function lateness(days: number): string {
  if (days === 0) return "Due today";
  return days === 1 ? "1 day late" : `${days} days late`;
}

/** Where each item is dealt with. */
function ItemLink({ item }: { item: DriftItem }) {
  const familyId = item.familyId;
  if (item.kind === "triage_late" || familyId === null) {
    return (
      <Link to="/requests/$requestId" params={{ requestId: item.subjectId }} className="govuk-link">
        {item.familyName}
      </Link>
    );
  }
  const params = { familyId };
  const link = (to: string) => (
    <Link to={to} params={params} className="govuk-link">
      {item.familyName}
    </Link>
  );
  switch (item.kind) {
    case "assessment_late":
      return link("/families/$familyId/assessment");
    case "first_tac_late":
    case "review_overdue":
      return link("/families/$familyId/meetings");
    case "action_overdue":
      return link("/families/$familyId/plan");
    case "consent_review_due":
      return link("/families/$familyId/consents");
    case "no_lead_professional":
      return link("/families/$familyId/team");
    default:
      return link("/families/$familyId");
  }
}

type Counts = { kind: DriftItem["kind"]; label: string; count: number }[];

/** Every kind with its count: each a link that shows only that kind (the current one is not). */
function KindFilter({ counts, kind }: { counts: Counts; kind: DriftItem["kind"] | undefined }) {
  const all = counts.reduce((n, c) => n + c.count, 0);
  const entry = (label: string, count: number, to: DriftItem["kind"] | undefined) => {
    const text = `${label} (${count})`;
    return to === kind ? (
      <strong aria-current="true">{text}</strong>
    ) : (
      <Link
        to="/dashboard"
        search={(s) => ({ ...s, driftKind: to, driftPage: undefined })}
        hash="drift"
        className="govuk-link"
      >
        {text}
      </Link>
    );
  };
  return (
    <nav aria-label="Kinds of drift">
      <ul className="govuk-list">
        <li>{entry("Everything late", all, undefined)}</li>
        {counts
          .filter((c) => c.count > 0 || c.kind === kind)
          .map((c) => (
            <li key={c.kind}>{entry(c.label, c.count, c.kind)}</li>
          ))}
      </ul>
    </nav>
  );
}

/** What is late on the service's cases, most late first, 50 items a page. */
export function DriftSection() {
  const { driftPage = 1, driftKind } = route.useSearch();
  const drift = useQuery({
    ...driftQuery(driftPage, driftKind),
    placeholderData: keepPreviousData,
  });
  const data = drift.data;
  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  return (
    <section aria-labelledby="drift" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="drift">
        Drift
      </h2>
      {drift.isPending ? <Loading what="Loading what is late" /> : null}
      {drift.error ? <LoadFailed error={drift.error} /> : null}
      {data && data.total === 0 && !driftKind ? (
        <p className="govuk-body">Nothing is late on your service's cases.</p>
      ) : null}
      {data && (data.total > 0 || driftKind) ? (
        <KindFilter counts={data.counts} kind={driftKind} />
      ) : null}
      {data && data.data.length > 0 ? (
        <Table
          caption={`What is late, most late first: ${data.total === 1 ? "1 item" : `${data.total} items`}${
            pages > 1 ? `, page ${data.page} of ${pages}` : ""
          }`}
          captionSize="s"
          rows={data.data}
          rowKey={(i) => `${i.kind}-${i.subjectId}`}
          firstCellIsHeader
          columns={[
            {
              header: "Family",
              cell: (i) => (
                <>
                  <ItemLink item={i} />
                  {i.familyReference ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{i.familyReference}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: "What",
              cell: (i) => (
                <>
                  <strong>{i.label}</strong>
                  <br />
                  <span className="govuk-body-s">{i.what}</span>
                </>
              ),
            },
            { header: "Due", cell: (i) => formatDay(i.dueOn) },
            { header: "How late", cell: (i) => lateness(i.daysLate) },
          ]}
        />
      ) : null}
      {data && data.data.length === 0 && data.total > 0 ? (
        <p className="govuk-body">
          There is no page {data.page}.{" "}
          <Link
            to="/dashboard"
            search={(s) => ({ ...s, driftPage: undefined })}
            hash="drift"
            className="govuk-link"
          >
            Go to the first page
          </Link>
        </p>
      ) : null}
      {data ? (
        <Pagination
          page={data.page}
          pages={pages}
          label="Drift queue pages"
          link={(page, { className, rel, current, children }) => (
            <Link
              to="/dashboard"
              search={(s) => ({ ...s, driftPage: page > 1 ? page : undefined })}
              hash="drift"
              className={className}
              rel={rel}
              aria-current={current ? "page" : undefined}
            >
              {children}
            </Link>
          )}
        />
      ) : null}
    </section>
  );
}
