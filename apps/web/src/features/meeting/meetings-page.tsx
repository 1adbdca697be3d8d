import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meetingAnchor } from "@teamaround/domain";
import type { Meeting } from "../../api/types";
import { Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime, formatDay } from "../../lib/dates";
import { useHashTarget } from "../../lib/use-hash-target";
import { meetingsQuery, useFamily, useFamilyId } from "../family/family-queries";
import { ReviewLink } from "../reviews/review-link";
import { meetingKindLabels, meetingLengthLabel, meetingStateTags } from "./meeting-labels";

/**
 * The family's TAC meetings, newest first, with when the next one is due and
 * a way in to each room. Each meeting's row is the anchor its notices link to
 * (`#meeting-<id>`); arriving with one brings it into view and focuses it.
 */
export function MeetingsPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const meetings = useQuery(meetingsQuery(familyId));
  usePageTitle(`Meetings – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = meetings.data?.abilities ?? family.data?.abilities;
  const due = meetings.data?.nextReviewDue;
  useHashTarget(meetings.data !== undefined);
  return (
    <>
      <h1 className="govuk-heading-l">Meetings</h1>
      {due && !due.scheduled ? (
        <div className={due.overdue ? "govuk-warning-text" : "govuk-inset-text"}>
          {due.overdue ? (
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
          ) : null}
          <span className={due.overdue ? "govuk-warning-text__text" : undefined}>
            {due.overdue ? <span className="govuk-visually-hidden">Warning</span> : null}
            The {due.kind === "initial" ? "first meeting" : "next review"}{" "}
            {due.overdue ? "was due" : "is due"} by {formatDay(due.by)}.
          </span>
        </div>
      ) : null}
      {abilities?.meeting.schedule ? (
        <Link
          to="/families/$familyId/meetings/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Schedule a meeting
        </Link>
      ) : null}
      {meetings.isPending ? <Loading /> : null}
      {meetings.error ? <LoadFailed error={meetings.error} /> : null}
      {meetings.data?.data.length === 0 ? (
        <p className="govuk-body">No meetings have been booked yet.</p>
      ) : null}
      {meetings.data && meetings.data.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table
            caption="The family's meetings"
            captionHidden
            rows={meetings.data.data}
            rowKey={(m) => m.id}
            rowId={(m) => meetingAnchor(m.id)}
            firstCellIsHeader
            columns={[
              { header: "Meeting", cell: (m) => meetingKindLabels[m.kind] },
              { header: "When", cell: (m) => formatDateTime(m.scheduledFor) },
              { header: "Length", cell: (m) => meetingLengthLabel(m.durationMinutes) },
              {
                header: "Status",
                cell: (m) => {
                  const [label, colour] = meetingStateTags[m.state];
                  return <Tag colour={colour}>{label}</Tag>;
                },
              },
              {
                header: "",
                cell: (m) => (
                  <>
                    <RoomLink familyId={familyId} meeting={m} />
                    {abilities?.meeting.update && m.state === "scheduled" ? (
                      <MoveLink familyId={familyId} meeting={m} />
                    ) : null}
                  </>
                ),
              },
              {
                header: "Review",
                cell: (m) =>
                  abilities ? (
                    <ReviewLink familyId={familyId} meeting={m} abilities={abilities} />
                  ) : null,
              },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}

/** The chair moves a booked meeting to another time or gives it another length. */
function MoveLink({ familyId, meeting }: { familyId: string; meeting: Meeting }) {
  return (
    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <Link
        to="/families/$familyId/meetings/$meetingId/move"
        params={{ familyId, meetingId: meeting.id }}
        className="govuk-link"
      >
        Change the time or length
        <span className="govuk-visually-hidden">
          : {meetingKindLabels[meeting.kind].toLowerCase()}, {formatDateTime(meeting.scheduledFor)}
        </span>
      </Link>
    </p>
  );
}

function RoomLink({ familyId, meeting }: { familyId: string; meeting: Meeting }) {
  if (meeting.state === "cancelled") return null;
  const words =
    meeting.state === "live"
      ? "Join the meeting"
      : meeting.state === "ended"
        ? "See what changed"
        : "Open the meeting";
  return (
    <Link
      to="/families/$familyId/meetings/$meetingId/room"
      params={{ familyId, meetingId: meeting.id }}
      className="govuk-link"
    >
      {words}
      <span className="govuk-visually-hidden">
        : {meetingKindLabels[meeting.kind].toLowerCase()}, {formatDateTime(meeting.scheduledFor)}
      </span>
    </Link>
  );
}
