import { useQuery } from "@tanstack/react-query";
import type { Reader } from "../../api/types";
import { SummaryCard, SummaryList } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { useFamily, useFamilyId } from "../family/family-queries";
import { readersQuery } from "./audit-queries";

function ReaderCard({ reader }: { reader: Reader }) {
  return (
    <SummaryCard title={reader.agency ? `${reader.name}, ${reader.agency}` : reader.name}>
      <SummaryList
        rows={[
          { key: "Part in the team", value: reader.role },
          ...reader.reads.map((read) => ({
            key: read.what.charAt(0).toUpperCase() + read.what.slice(1),
            value: `Last on ${formatDateTime(read.lastAt)}${read.count > 1 ? ` (${read.count} times in all)` : ""}`,
          })),
        ]}
      />
    </SummaryCard>
  );
}

/**
 * Who has looked at this family's records: the people, their agency and part
 * in the team, and when each last read what. Made for the lead to show (or
 * print for) the family, so it carries no ids and no codes.
 */
export function ReadersPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const readers = useQuery(readersQuery(familyId));
  usePageTitle(`Who has looked at these records – ${family.data?.data.displayName ?? "Family"}`);
  return (
    <>
      <h1 className="govuk-heading-l">Who has looked at these records</h1>
      <p className="govuk-body">
        Everyone who has read {family.data?.data.displayName ?? "this family"}'s records, most
        recent first, and when they last read each part. Family members' own reading is not shown
        here.
      </p>
      {readers.isPending ? <Loading /> : null}
      {readers.error ? <LoadFailed error={readers.error} /> : null}
      {readers.data && readers.data.data.length === 0 ? (
        <p className="govuk-body">Nobody has read these records yet.</p>
      ) : null}
      {readers.data?.data.map((reader) => (
        <ReaderCard key={`${reader.name}-${reader.agency}-${reader.lastAt}`} reader={reader} />
      ))}
    </>
  );
}
