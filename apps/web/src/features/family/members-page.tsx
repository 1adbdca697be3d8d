import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FamilyMember } from "../../api/types";
import { SummaryCard, SummaryList, type SummaryRow, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";
import { membersQuery, useFamily, useFamilyId } from "./family-queries";

function memberRows(m: FamilyMember): SummaryRow[] {
  const rows: SummaryRow[] = [
    {
      key: m.kind === "child" ? "Child" : "Adult",
      value: m.kind === "adult" ? (m.relationship ?? "Adult") : "Child or young person",
    },
  ];
  if (m.dateOfBirth) rows.push({ key: "Date of birth", value: formatDay(m.dateOfBirth) });
  if (m.kind === "child")
    rows.push({ key: "School or setting", value: m.school ?? "Not recorded" });
  if (m.kind === "adult")
    rows.push({ key: "Parental responsibility", value: m.parentalResponsibility ? "Yes" : "No" });
  if (m.kind === "child" && m.judgedCompetent)
    rows.push({ key: "Consent", value: "Judged competent to decide for themselves" });
  rows.push({
    key: "Needs",
    value:
      m.needs.length > 0 ? m.needs.map((n) => outcomeAreaLabels[n]).join(", ") : "None recorded",
  });
  rows.push({
    key: "Family portal",
    value: m.hasPortalAccount ? (
      <Tag colour="green">Has an account</Tag>
    ) : (
      <Tag colour="grey">No account</Tag>
    ),
  });
  return rows;
}

export function MembersPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const members = useQuery(membersQuery(familyId));
  usePageTitle(`Family members – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = family.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Family members</h1>
      {abilities?.member.create ? (
        <div className="govuk-button-group">
          <Link
            to="/families/$familyId/members/new"
            params={{ familyId }}
            search={{ kind: "child" }}
            className="govuk-button govuk-button--secondary"
          >
            Add a child
          </Link>
          <Link
            to="/families/$familyId/members/new"
            params={{ familyId }}
            search={{ kind: "adult" }}
            className="govuk-button govuk-button--secondary"
          >
            Add an adult
          </Link>
        </div>
      ) : null}
      {members.isPending ? <Loading /> : null}
      {members.error ? <LoadFailed error={members.error} /> : null}
      {members.data?.data.length === 0 ? (
        <p className="govuk-body">No one has been added yet.</p>
      ) : null}
      {members.data?.data.map((m) => (
        <SummaryCard
          key={m.id}
          title={`${m.givenName} ${m.familyName}`}
          actions={[
            abilities?.member.update ? (
              <Link
                key="change"
                to="/families/$familyId/members/$memberId/edit"
                params={{ familyId, memberId: m.id }}
                className="govuk-link"
              >
                Change
                <span className="govuk-visually-hidden">
                  {" "}
                  {m.givenName} {m.familyName}
                </span>
              </Link>
            ) : null,
            abilities?.invitation.create && !m.hasPortalAccount ? (
              <Link
                key="invite"
                to="/families/$familyId/members/$memberId/invite"
                params={{ familyId, memberId: m.id }}
                className="govuk-link"
              >
                Invite to the family portal
                <span className="govuk-visually-hidden">
                  : {m.givenName} {m.familyName}
                </span>
              </Link>
            ) : null,
          ]}
        >
          <SummaryList rows={memberRows(m)} />
        </SummaryCard>
      ))}
    </>
  );
}
