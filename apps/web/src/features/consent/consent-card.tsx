import type { ReactNode } from "react";
import type { Consent } from "../../api/types";
import {
  SummaryCard,
  SummaryList,
  type SummaryRow,
  Tag,
  type TagColour,
} from "../../components/govuk";
import { formatDateTime, formatDay } from "../../lib/dates";
import { consentMethodLabels, informationKindLabels } from "../../lib/labels";
import { WithdrawalNoticeList } from "./withdrawal-notices";

const states: Record<Consent["state"], { label: string; colour: TagColour }> = {
  active: { label: "Active", colour: "green" },
  refused: { label: "Refused", colour: "orange" },
  withdrawn: { label: "Withdrawn", colour: "grey" },
  review_due: { label: "Review due", colour: "yellow" },
};

export function ConsentStateTag({ state }: { state: Consent["state"] }) {
  return <Tag colour={states[state].colour}>{states[state].label}</Tag>;
}

function consentRows(c: Consent): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: "Status", value: <ConsentStateTag state={c.state} /> },
    { key: "Whose information", value: c.covers.map((p) => p.name).join(", ") },
    {
      key: "Agencies",
      value: (
        <ul className="govuk-list">
          {c.agencies.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      ),
    },
    {
      key: "Kinds of information",
      value: c.informationKinds.map((k) => informationKindLabels[k]).join(", "),
    },
    { key: "Not to be shared", value: c.withheld ?? "Nothing withheld" },
    {
      key: "How and when",
      value: `${consentMethodLabels[c.method]}, ${formatDay(c.obtainedAt)}, by ${c.obtainedBy.name}`,
    },
    { key: "Review by", value: c.reviewDate ? formatDay(c.reviewDate) : "No review date" },
  ];
  if (c.withdrawal) {
    rows.push({
      key: "Withdrawn",
      value: `${formatDateTime(c.withdrawal.withdrawnAt)}, recorded by ${c.withdrawal.withdrawnBy.name}. Reason: ${c.withdrawal.reason}`,
    });
  }
  if (c.withdrawalNotices.length > 0) {
    rows.push({
      key: "Agencies told of the withdrawal",
      value: <WithdrawalNoticeList notices={c.withdrawalNotices} />,
    });
  }
  return rows;
}

export function ConsentCard({ consent, action }: { consent: Consent; action?: ReactNode }) {
  const verb = consent.decision === "given" ? "given" : "refused";
  return (
    <SummaryCard title={`Consent ${verb} by ${consent.givenBy.name}`} actions={[action]}>
      <SummaryList rows={consentRows(consent)} />
    </SummaryCard>
  );
}
