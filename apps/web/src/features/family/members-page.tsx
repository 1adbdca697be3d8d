import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FamilyMember } from "../../api/types";
import { SummaryCard, SummaryList } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { membersQuery, useFamily, useFamilyId } from "./family-queries";
import { memberSections } from "./member-summary-rows";

function MemberRecord({ member }: { member: FamilyMember }) {
  return (
    <>
      {memberSections(member).map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{section.title}</h3>
          {section.hint ? <p className="govuk-hint">{section.hint}</p> : null}
          <SummaryList rows={section.rows} />
        </section>
      ))}
    </>
  );
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
          <MemberRecord member={m} />
        </SummaryCard>
      ))}
    </>
  );
}
