import type { Consent } from "../../api/types";
import { Tag, type TagColour } from "../../components/govuk";
import { formatDateTime } from "../../lib/dates";

type WithdrawalNotice = Consent["withdrawalNotices"][number];

interface Shown {
  colour: TagColour;
  staff: string;
  family: string;
}

/** What the register says of each agency: told (and when), on its way, or not told, and why. */
const shown: Record<WithdrawalNotice["status"], Shown> = {
  sent: { colour: "green", staff: "Emailed", family: "Told" },
  waiting: { colour: "blue", staff: "Sending", family: "Being told now" },
  failed: {
    colour: "red",
    staff: "Email failed: tell them another way",
    family: "Not told yet: we could not email them",
  },
  no_address: {
    colour: "orange",
    staff: "No contact address: tell them another way",
    family: "Not told by email: they have no address with us",
  },
  not_emailed: {
    colour: "grey",
    staff: "Recorded, not emailed",
    family: "Recorded",
  },
};

/**
 * "Who we have told": each agency that received information under a
 * withdrawn consent, with whether the notice to its contact address was sent
 * (and when), is still being sent, or was not — read from the outbox.
 */
export function WithdrawalNoticeList({
  notices,
  plain,
}: {
  notices: readonly WithdrawalNotice[];
  plain?: boolean | undefined;
}) {
  return (
    <ul className="govuk-list">
      {notices.map((n) => (
        <li key={n.agency.id}>
          {n.agency.name}{" "}
          <Tag colour={shown[n.status].colour}>
            {plain ? shown[n.status].family : shown[n.status].staff}
          </Tag>
          {n.sentAt ? ` ${formatDateTime(n.sentAt)}` : null}
        </li>
      ))}
    </ul>
  );
}
