import { useQuery } from "@tanstack/react-query";
import type { FormerTeamRead } from "../../api/types";
import { Table } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDateTime } from "../../lib/dates";
import { formerTeamReadsQuery } from "./audit-queries";

/** Reads of the record by people after they left the team: for the lead and the manager. */
export function FormerTeamReads({ familyId }: { familyId: string }) {
  const reads = useQuery(formerTeamReadsQuery(familyId));
  return (
    <section aria-labelledby="former-team-reads">
      <h2 className="govuk-heading-m" id="former-team-reads">
        Reads by people no longer in the team
      </h2>
      {reads.isPending ? <Loading /> : null}
      {reads.error ? <LoadFailed error={reads.error} /> : null}
      {reads.data && reads.data.data.length === 0 ? (
        <p className="govuk-body">Nobody has read the record after leaving the team.</p>
      ) : null}
      {reads.data && reads.data.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table<FormerTeamRead>
            caption="Each line is one person reading one thing after they left"
            captionSize="s"
            rows={reads.data.data}
            rowKey={(r) => `${r.name}-${r.what}-${r.leftAt}-${r.lastAt}`}
            firstCellIsHeader
            columns={[
              {
                header: "Person",
                cell: (r) => (r.agency ? `${r.name} (${r.agency})` : r.name),
              },
              { header: "Left the team", cell: (r) => formatDateTime(r.leftAt) },
              {
                header: "What they read",
                cell: (r) => (r.count === 1 ? r.what : `${r.what} (${r.count} times)`),
              },
              {
                header: "When",
                cell: (r) =>
                  r.count === 1
                    ? formatDateTime(r.lastAt)
                    : `${formatDateTime(r.firstAt)} to ${formatDateTime(r.lastAt)}`,
              },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
