import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { type DriftItem, driftQuery } from "./manager-queries";

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

/** What is late on the service's cases, most late first. */
export function DriftSection() {
  const drift = useQuery(driftQuery);
  return (
    <section aria-labelledby="drift" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="drift">
        Drift
      </h2>
      {drift.isPending ? <Loading what="Loading what is late" /> : null}
      {drift.error ? <LoadFailed error={drift.error} /> : null}
      {drift.data && drift.data.data.length === 0 ? (
        <p className="govuk-body">Nothing is late on your service's cases.</p>
      ) : null}
      {drift.data && drift.data.data.length > 0 ? (
        <Table
          caption={`What is late, most late first (${drift.data.data.length})`}
          captionSize="s"
          rows={drift.data.data}
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
    </section>
  );
}
