import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FamilySummary, Meeting, NextMeetingDue } from "../../api/types";
import { authorityQuery } from "../../app/session";
import { Table, Tag } from "../../components/govuk";
import { formatDateTime, formatDay } from "../../lib/dates";
import { familyStatusLabels, levelOfNeedLabel } from "../../lib/labels";
import { meetingLengthLabel } from "../meeting/meeting-labels";

const relationshipLabels: Record<FamilySummary["relationship"], string> = {
  lead_professional: "Lead",
  team_member: "Team member",
  service_manager: "Manager",
  family_member: "Family",
  administrator: "Administrator",
  guest: "Guest",
  outsider: "",
};

/** When nothing is booked: when the next meeting falls due, or since when it is overdue. */
export function meetingDueText(due: NonNullable<NextMeetingDue>): string {
  const what = due.kind === "initial" ? "First meeting" : "Review";
  return due.overdue
    ? `${what} overdue since ${formatDay(due.by)}`
    : `None booked: due by ${formatDay(due.by)}`;
}

/** The next meeting booked, else when the next one falls due. */
export function nextMeetingText(
  meetings: Meeting[] | undefined,
  due: NextMeetingDue | undefined,
): string {
  if (!meetings) return "…";
  const upcoming = meetings
    .filter((m) => m.state === "live" || m.state === "scheduled")
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))[0];
  if (upcoming)
    return upcoming.state === "live"
      ? "Meeting in progress"
      : `${formatDateTime(upcoming.scheduledFor)} (${meetingLengthLabel(upcoming.durationMinutes)})`;
  if (due) return meetingDueText(due);
  return "None booked";
}

/**
 * The meeting under way or the soonest booked, else when one falls due, as
 * `GET /api/families` gives it for each family: the same words as the family's page.
 */
export function familyNextMeetingText(family: FamilySummary): string {
  const next = family.nextMeeting;
  if (next)
    return next.state === "live" ? "Meeting in progress" : formatDateTime(next.scheduledFor);
  return family.meetingDue ? meetingDueText(family.meetingDue) : "None booked";
}

export function MyFamilies({ families }: { families: FamilySummary[] }) {
  const authority = useQuery(authorityQuery);
  if (families.length === 0) {
    return <p className="govuk-body">You are not in any family's team yet.</p>;
  }
  const levels = authority.data?.levelsOfNeed ?? [];
  const rows = families.map((family) => ({ family }));
  return (
    <div className="app-table-scroll">
      <Table
        caption="Families whose team you are in"
        captionHidden
        rows={rows}
        rowKey={(r) => r.family.id}
        firstCellIsHeader
        columns={[
          {
            header: "Family",
            cell: ({ family }) => (
              <>
                <Link
                  to="/families/$familyId"
                  params={{ familyId: family.id }}
                  className="govuk-link"
                >
                  {family.displayName}
                </Link>
                <br />
                <span className="govuk-body-s">
                  {family.reference}
                  {relationshipLabels[family.relationship]
                    ? ` · ${relationshipLabels[family.relationship]}`
                    : ""}
                </span>
              </>
            ),
          },
          {
            header: "Level of need",
            cell: ({ family }) => levelOfNeedLabel(family.levelOfNeed, levels),
          },
          {
            header: "Status",
            cell: ({ family }) => (
              <Tag
                colour={
                  family.status === "closed"
                    ? "grey"
                    : family.status === "plan_active"
                      ? "green"
                      : "blue"
                }
              >
                {familyStatusLabels[family.status]}
              </Tag>
            ),
          },
          {
            header: "Actions needing attention",
            numeric: true,
            cell: ({ family }) => <ActionFlags family={family} />,
          },
          {
            header: "Next meeting",
            cell: ({ family }) =>
              family.status === "closed" ? (
                "Case closed"
              ) : family.meetingDue?.overdue && !family.nextMeeting ? (
                <strong>{familyNextMeetingText(family)}</strong>
              ) : (
                familyNextMeetingText(family)
              ),
          },
        ]}
      />
    </div>
  );
}

/** Overdue actions, and actions whose owner has left the team (staff in the team are told). */
function ActionFlags({ family }: { family: FamilySummary }) {
  if (family.overdueActions === 0 && family.actionsNeedingNewOwner === 0) return "None";
  return (
    <>
      {family.overdueActions > 0 ? <Tag colour="red">{family.overdueActions} overdue</Tag> : null}
      {family.actionsNeedingNewOwner > 0 ? (
        <>
          {" "}
          <Tag colour="orange">
            {family.actionsNeedingNewOwner} need
            {family.actionsNeedingNewOwner === 1 ? "s" : ""} a new owner
          </Tag>
        </>
      ) : null}
    </>
  );
}
