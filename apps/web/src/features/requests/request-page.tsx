import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { SummaryList, type SummaryRow, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { requestStatusColours, requestStatusLabels, yesNo } from "./request-labels";
import { type HelpRequest, requestQuery } from "./request-queries";
import { TriagePanel } from "./triage-panel";

const requestRoute = getRouteApi("/_authed/requests/$requestId");

/** One request for help: what was asked, and the service's answer. */
export function RequestPage() {
  const { requestId } = requestRoute.useParams();
  const request = useQuery(requestQuery(requestId));
  usePageTitle(`Request for help – ${request.data?.data.familyName ?? "Request"}`);
  if (request.isPending) return <Loading />;
  if (request.error) return <LoadFailed error={request.error} />;
  const { data, abilities } = request.data;
  return (
    <>
      <span className="govuk-caption-l">Request for help</span>
      <h1 className="govuk-heading-l">{data.familyName}</h1>
      <SummaryList rows={askedRows(data)} />
      <h2 className="govuk-heading-m">Decision</h2>
      <SummaryList rows={decisionRows(data)} />
      {data.status === "accepted" && data.familyId ? (
        <p className="govuk-body">
          <Link
            to="/families/$familyId"
            params={{ familyId: data.familyId }}
            className="govuk-link"
          >
            Go to the family's case
          </Link>{" "}
          (if you are part of its team or its service)
        </p>
      ) : null}
      {abilities.triage ? <TriagePanel request={data} /> : null}
    </>
  );
}

function askedRows(r: HelpRequest): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: "Asked of", value: r.receivingAgency.name },
    {
      key: "Asked by",
      value: `${r.requesterName}${r.requesterKind === "family" ? " (the family)" : ""}${
        r.requesterAgency ? `, ${r.requesterAgency.name}` : ""
      }`,
    },
    { key: "Asked on", value: formatDay(r.requestedOn) },
    { key: "Where the family lives", value: r.locality ?? "Not known" },
    {
      key: "Children",
      value: (
        <ul className="govuk-list">
          {r.children.map((c) => (
            <li key={`${c.givenName}-${c.familyName}-${c.dateOfBirth ?? ""}`}>
              {c.givenName} {c.familyName}
              {c.dateOfBirth ? `, born ${formatDay(c.dateOfBirth)}` : ""}
            </li>
          ))}
        </ul>
      ),
    },
    { key: "Worries", value: r.worries },
    { key: "The family knows", value: yesNo(r.familyKnows) },
    { key: "The family agrees", value: yesNo(r.familyAgrees) },
  ];
  if (r.reReferralOfEpisodeId) {
    rows.push({
      key: "Re-referral",
      value: "Yes: the family's last Early Help episode closed less than 12 months before",
    });
  }
  return rows;
}

function decisionRows(r: HelpRequest): SummaryRow[] {
  const rows: SummaryRow[] = [
    {
      key: "Status",
      value: <Tag colour={requestStatusColours[r.status]}>{requestStatusLabels[r.status]}</Tag>,
    },
  ];
  if (r.triagedBy && r.triagedAt) {
    rows.push({
      key: "Decided by",
      value: `${r.triagedBy.displayName} on ${formatDay(r.triagedAt)}`,
    });
  }
  if (r.allocatedLead) rows.push({ key: "Lead professional", value: r.allocatedLead.displayName });
  if (r.signpostedTo) rows.push({ key: "Signposted to", value: r.signpostedTo });
  if (r.triageReason) rows.push({ key: "Reason", value: r.triageReason });
  return rows;
}
