import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FamilySummary, Meeting, NextMeetingDue } from "../../api/types";
import { authorityQuery } from "../../app/session";
import { Table, Tag } from "../../components/govuk";
import { formatDateTime, formatDay } from "../../lib/dates";
import { familyStatusLabels, levelOfNeedLabel } from "../../lib/labels";

const relationshipLabels: Record<FamilySummary["relationship"], string> = {
  lead_professional: "Lead",
  team_member: "Team member",
  service_manager: "Manager",
  family_member: "Family",
  administrator: "Administrator",
  outsider: "",
};

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
      : formatDateTime(upcoming.scheduledFor);
  if (due)
    return `${due.overdue ? "Overdue: was due by" : "None booked: due by"} ${formatDay(due.by)}`;
  return "None booked";
}

/** The meeting under way or the soonest booked, as `GET /api/families` gives it for each family. */
export function familyNextMeetingText(next: FamilySummary["nextMeeting"]): string {
  if (!next) return "None booked";
  return next.state === "live" ? "Meeting in progress" : formatDateTime(next.scheduledFor);
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
            header: "Overdue actions",
            numeric: true,
            cell: ({ family }) =>
              family.overdueActions > 0 ? (
                <Tag colour="red">{family.overdueActions} overdue</Tag>
              ) : (
                "None"
              ),
          },
          {
            header: "Next meeting",
            cell: ({ family }) =>
              family.status === "closed"
                ? "Case closed"
                : familyNextMeetingText(family.nextMeeting),
          },
        ]}
      />
    </div>
  );
}
