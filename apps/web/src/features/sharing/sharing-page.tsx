import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { SharingRecord } from "../../api/types";
import { Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { informationKindLabels, lawfulBasisLabels, notToldReasonLabels } from "../../lib/labels";
import { membersQuery, sharingQuery, useFamily, useFamilyId } from "../family/family-queries";
import { seenByWords } from "../outcomes/audience-fields";

function basisText(s: SharingRecord): string {
  return s.basis.kind === "consent"
    ? "Consent"
    : `Lawful basis: ${lawfulBasisLabels[s.basis.basis]}`;
}

export function SharingPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const sharing = useQuery(sharingQuery(familyId));
  usePageTitle(`Sharing register – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = family.data?.abilities;
  const staff = abilities?.sharing.read_hidden ?? false;
  const members = useQuery({ ...membersQuery(familyId), enabled: staff }).data?.data ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Information-sharing register</h1>
      <p className="govuk-body">
        Every time information about this family is shared: what, by whom, to whom, why, and on what
        basis.
      </p>
      {abilities?.sharing.record ? (
        <Link
          to="/families/$familyId/sharing/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Record a share
        </Link>
      ) : null}
      {sharing.isPending ? <Loading /> : null}
      {sharing.error ? <LoadFailed error={sharing.error} /> : null}
      {sharing.data?.data.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : null}
      {sharing.data && sharing.data.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table<SharingRecord>
            caption="Shares, newest first"
            captionSize="s"
            rows={sharing.data.data}
            rowKey={(s) => s.id}
            columns={[
              { header: "Date", cell: (s) => formatDay(s.sharedAt) },
              {
                header: "What",
                cell: (s) => (
                  <>
                    <strong>{informationKindLabels[s.informationKind]}</strong>
                    <br />
                    {s.summary}
                  </>
                ),
              },
              {
                header: "From",
                cell: (s) => (
                  <>
                    {s.sharedBy.name}
                    <br />
                    <span className="govuk-body-s">{s.fromAgency.name}</span>
                  </>
                ),
              },
              {
                header: "To",
                cell: (s) => (
                  <>
                    {s.toPerson ? (
                      <>
                        {s.toPerson}
                        <br />
                      </>
                    ) : null}
                    <span className="govuk-body-s">{s.toAgency.name}</span>
                  </>
                ),
              },
              { header: "Purpose", cell: (s) => s.purpose },
              { header: "Basis", cell: basisText },
              {
                header: "Family told",
                cell: (s) => (
                  <>
                    {s.familyTold
                      ? "Yes"
                      : `No: ${s.notToldReason ? notToldReasonLabels[s.notToldReason] : "not recorded"}`}
                    {abilities?.sharing.read_hidden && !s.visibleToFamily ? (
                      <>
                        <br />
                        <Tag colour="grey">Hidden from family</Tag>
                      </>
                    ) : null}
                    {staff && s.visibleToFamily ? (
                      <>
                        <br />
                        <span className="govuk-body-s">
                          Seen by: {seenByWords(s.audience, members)}
                        </span>
                      </>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
