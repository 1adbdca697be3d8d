import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { TeamMembership } from "../../api/types";
import { authorityQuery } from "../../app/session";
import { Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { teamQuery, useFamily, useFamilyId } from "../family/family-queries";

export function TeamPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const team = useQuery(teamQuery(familyId));
  const authority = useQuery(authorityQuery);
  usePageTitle(`Team – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = family.data?.abilities;
  const leadTitle = authority.data?.leadProfessionalTitle ?? "Lead professional";
  const current = team.data?.data.filter((m) => !m.removedAt) ?? [];
  const former = team.data?.data.filter((m) => m.removedAt) ?? [];
  const canHandOver = (abilities?.team.lead_handover ?? false) && current.length > 1;
  return (
    <>
      <h1 className="govuk-heading-l">Team</h1>
      <p className="govuk-body">
        The practitioners working with this family. A practitioner joins on the family's consent to
        share with their agency, or on a recorded lawful basis.
      </p>
      {abilities?.team.add || canHandOver ? (
        <div className="govuk-button-group">
          {abilities?.team.add ? (
            <Link
              to="/families/$familyId/team/add"
              params={{ familyId }}
              className="govuk-button govuk-button--secondary"
            >
              Add a practitioner
            </Link>
          ) : null}
          {canHandOver ? (
            <Link to="/families/$familyId/team/lead" params={{ familyId }} className="govuk-link">
              Hand over the {leadTitle.toLowerCase()} role
            </Link>
          ) : null}
        </div>
      ) : null}
      {team.isPending ? <Loading /> : null}
      {team.error ? <LoadFailed error={team.error} /> : null}
      {team.data ? (
        <div className="app-table-scroll">
          <Table<TeamMembership>
            caption="Current team"
            rows={current}
            rowKey={(m) => m.id}
            firstCellIsHeader
            columns={[
              {
                header: "Name",
                cell: (m) => (
                  <>
                    {m.displayName}
                    {m.jobTitle ? (
                      <div className="govuk-hint govuk-!-margin-bottom-0">{m.jobTitle}</div>
                    ) : null}
                  </>
                ),
              },
              { header: "Agency", cell: (m) => m.agency?.name ?? "No agency" },
              {
                header: "Role",
                cell: (m) =>
                  m.role === "lead_professional" ? (
                    <Tag colour="purple">{leadTitle}</Tag>
                  ) : (
                    "Team member"
                  ),
              },
              { header: "Joined", cell: (m) => formatDay(m.addedAt) },
              {
                header: "On the basis of",
                cell: (m) =>
                  m.consentId
                    ? "Consent"
                    : m.lawfulBasisId
                      ? "Lawful basis"
                      : m.role === "lead_professional"
                        ? "Lead professional"
                        : "Not shown",
              },
              {
                header: <span className="govuk-visually-hidden">Actions</span>,
                cell: (m) =>
                  abilities?.team.remove && m.role !== "lead_professional" ? (
                    <Link
                      to="/families/$familyId/team/$membershipId/remove"
                      params={{ familyId, membershipId: m.id }}
                      className="govuk-link"
                    >
                      Remove
                      <span className="govuk-visually-hidden"> {m.displayName} from the team</span>
                    </Link>
                  ) : null,
              },
            ]}
          />
        </div>
      ) : null}
      {abilities?.team.read_former && former.length > 0 ? (
        <div className="app-table-scroll">
          <Table<TeamMembership>
            caption="People who have left the team"
            rows={former}
            rowKey={(m) => m.id}
            firstCellIsHeader
            columns={[
              { header: "Name", cell: (m) => m.displayName },
              { header: "Agency", cell: (m) => m.agency?.name ?? "No agency" },
              { header: "Left", cell: (m) => (m.removedAt ? formatDay(m.removedAt) : "") },
              { header: "Why", cell: (m) => m.removedReason ?? "Not recorded" },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
