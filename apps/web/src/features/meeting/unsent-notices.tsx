import { useQuery } from "@tanstack/react-query";
import type { components } from "../../api/schema";
import { unsentNoticesQuery } from "./meeting-queries";

type UnsentNotice = components["schemas"]["UnsentMeetingNotice"];

const about: Record<UnsentNotice["change"], string> = {
  booked: "this meeting",
  invited: "this meeting",
  moved: "the new time",
  cancelled: "the cancellation",
  uninvited: "no longer being invited",
};

/** "Not sent: Alex Hart has no email address — tell them about this meeting another way." */
export function unsentLine(notice: UnsentNotice): string {
  const why = {
    no_email_address: `${notice.name} has no email address`,
    account_not_active: `${notice.name}'s account is closed`,
    not_delivered: `the email to ${notice.name} could not be delivered`,
  }[notice.reason];
  return `Not sent: ${why} — tell them about ${about[notice.change]} another way.`;
}

/**
 * For the lead, on the meeting's page: the people its latest invitation,
 * move or cancellation did not reach, so they can be told another way.
 * Nothing is shown when everyone was reached.
 */
export function UnsentNotices({ familyId, meetingId }: { familyId: string; meetingId: string }) {
  const unsent = useQuery(unsentNoticesQuery(familyId, meetingId));
  const rows = unsent.data?.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="unsent-notices" data-testid="unsent-notices">
      <div className="govuk-warning-text govuk-!-margin-bottom-2">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text" id="unsent-notices">
          <span className="govuk-visually-hidden">Warning</span>
          {rows.length === 1
            ? "One person invited was not told by email"
            : `${rows.length} people invited were not told by email`}
        </strong>
      </div>
      <ul className="govuk-list govuk-list--bullet">
        {rows.map((row) => (
          <li key={row.noticeId}>{unsentLine(row)}</li>
        ))}
      </ul>
    </section>
  );
}
