import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../../app/session";
import { Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { requestStatusColours, requestStatusLabels } from "./request-labels";
import { type HelpRequest, type RequestView, requestListQuery } from "./request-queries";

/** "Requests for help": the receiving service's triage queue, and the requests I asked. */
export function RequestsPage() {
  usePageTitle("Requests for help");
  const me = useQuery(meQuery);
  const canAsk = me.data?.abilities.help_request.create ?? false;
  return (
    <>
      <h1 className="govuk-heading-l">Requests for help</h1>
      {canAsk ? (
        <p className="govuk-body">
          <Link to="/requests/new" className="govuk-button govuk-button--secondary">
            Request help for a family
          </Link>
        </p>
      ) : null}
      <PartBoundary what="the requests to your service">
        <RequestTable view="incoming" caption="Asked of your service" />
      </PartBoundary>
      <PartBoundary what="the requests you asked">
        <RequestTable view="mine" caption="Requests you asked" />
      </PartBoundary>
    </>
  );
}

function RequestTable({ view, caption }: { view: RequestView; caption: string }) {
  const requests = useQuery(requestListQuery(view));
  if (requests.isPending) return <Loading what={`Loading ${caption.toLowerCase()}`} />;
  if (requests.error) return <LoadFailed error={requests.error} />;
  if (requests.data.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{caption}</h2>
        <p className="govuk-body">None.</p>
      </>
    );
  }
  return (
    <Table<HelpRequest>
      caption={caption}
      rows={requests.data}
      rowKey={(r) => r.id}
      firstCellIsHeader
      columns={[
        {
          header: "Family",
          cell: (r) => (
            <Link to="/requests/$requestId" params={{ requestId: r.id }} className="govuk-link">
              {r.familyName}
            </Link>
          ),
        },
        { header: "Asked on", cell: (r) => formatDay(r.requestedOn) },
        {
          header: view === "incoming" ? "Asked by" : "Asked of",
          cell: (r) =>
            view === "incoming"
              ? `${r.requesterName}${r.requesterAgency ? `, ${r.requesterAgency.name}` : ""}`
              : r.receivingAgency.name,
        },
        {
          header: "Status",
          cell: (r) => (
            <>
              <Tag colour={requestStatusColours[r.status]}>{requestStatusLabels[r.status]}</Tag>
              {r.reReferralOfEpisodeId ? (
                <span className="govuk-body-s govuk-!-display-block">Re-referral</span>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
