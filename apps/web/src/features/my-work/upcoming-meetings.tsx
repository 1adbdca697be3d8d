import { Link } from "@tanstack/react-router";
import type { FamilySummary } from "../../api/types";
import { Tag } from "../../components/govuk";
import { formatDateTime } from "../../lib/dates";
import { meetingKindLabels } from "../meeting/meeting-labels";
import { meetingDueText } from "./my-families";

/**
 * The next meeting booked or under way in each of my open families, soonest
 * first; then the families whose meeting is overdue with none booked.
 */
export function UpcomingMeetings({ families }: { families: FamilySummary[] }) {
  const meetings = families
    .flatMap((family) => (family.nextMeeting ? [{ family, meeting: family.nextMeeting }] : []))
    .sort((a, b) => a.meeting.scheduledFor.localeCompare(b.meeting.scheduledFor));
  const overdue = families.filter((f) => !f.nextMeeting && f.meetingDue?.overdue);
  return (
    <>
      <h2 className="govuk-heading-m">Upcoming meetings</h2>
      {overdue.length > 0 ? <OverdueMeetings families={overdue} /> : null}
      {meetings.length === 0 ? (
        <p className="govuk-body">No meetings are booked for your families.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {meetings.map(({ meeting, family }) => (
            <li key={meeting.id}>
              <Link
                to="/families/$familyId/meetings"
                params={{ familyId: family.id }}
                className="govuk-link"
              >
                {family.displayName}
              </Link>
              : {meetingKindLabels[meeting.kind].toLowerCase()},{" "}
              {formatDateTime(meeting.scheduledFor)}
              {meeting.state === "live" ? (
                <>
                  {" "}
                  <Tag colour="green">In progress</Tag>{" "}
                  <Link
                    to="/families/$familyId/meetings/$meetingId/room"
                    params={{ familyId: family.id, meetingId: meeting.id }}
                    className="govuk-link"
                  >
                    Join the meeting
                    <span className="govuk-visually-hidden"> for {family.displayName}</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OverdueMeetings({ families }: { families: FamilySummary[] }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {families.map((family) =>
            family.meetingDue ? (
              <li key={family.id}>
                <Link
                  to="/families/$familyId/meetings"
                  params={{ familyId: family.id }}
                  className="govuk-link"
                >
                  {family.displayName}
                </Link>
                : {meetingDueText(family.meetingDue)}
              </li>
            ) : null,
          )}
        </ul>
      </div>
    </div>
  );
}
