import { Link, Outlet } from "@tanstack/react-router";
import type { FamilyAbilities } from "../../api/types";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { useFamily, useFamilyId } from "./family-queries";

type FamilyPath =
  | "/families/$familyId"
  | "/families/$familyId/plan"
  | "/families/$familyId/assessment"
  | "/families/$familyId/meetings"
  | "/families/$familyId/members"
  | "/families/$familyId/team"
  | "/families/$familyId/outcomes"
  | "/families/$familyId/agreements"
  | "/families/$familyId/consents"
  | "/families/$familyId/lawful-bases"
  | "/families/$familyId/sharing"
  | "/families/$familyId/audit"
  | "/families/$familyId/oversight";

const sections: { to: FamilyPath; label: string; show: (a: FamilyAbilities) => boolean }[] = [
  { to: "/families/$familyId", label: "Summary", show: (a) => a.family.read },
  { to: "/families/$familyId/plan", label: "Plan", show: (a) => a.outcome.read },
  {
    to: "/families/$familyId/assessment",
    label: "Assessment",
    show: (a) => a.assessment.read,
  },
  { to: "/families/$familyId/meetings", label: "Meetings", show: (a) => a.meeting.read },
  { to: "/families/$familyId/members", label: "Family members", show: (a) => a.member.read },
  { to: "/families/$familyId/team", label: "Team", show: (a) => a.team.read },
  {
    to: "/families/$familyId/outcomes",
    label: "Outcomes and actions",
    show: (a) => a.outcome.read,
  },
  { to: "/families/$familyId/agreements", label: "Agreement", show: (a) => a.agreement.read },
  { to: "/families/$familyId/consents", label: "Consent", show: (a) => a.consent.read },
  {
    to: "/families/$familyId/lawful-bases",
    label: "Lawful basis",
    show: (a) => a.lawful_basis.read,
  },
  { to: "/families/$familyId/sharing", label: "Sharing register", show: (a) => a.sharing.read },
  { to: "/families/$familyId/audit", label: "Audit log", show: (a) => a.audit.read },
  {
    to: "/families/$familyId/oversight",
    label: "Audits and supervision",
    show: (a) => a.case_audit.read || a.supervision.read,
  },
];

/** The sections of a family's record the caller may open, by their abilities. */
export function FamilyNavigation({
  familyId,
  abilities,
}: {
  familyId: string;
  abilities: FamilyAbilities;
}) {
  return (
    <nav className="app-subnav" aria-label="Family record">
      <ul className="app-subnav__list">
        {sections
          .filter((s) => s.show(abilities))
          .map((section) => (
            <li className="app-subnav__item" key={section.to}>
              <Link
                to={section.to}
                params={{ familyId }}
                className="govuk-link govuk-link--no-visited-state app-subnav__link"
                activeOptions={{
                  exact: section.to === "/families/$familyId",
                  includeSearch: false,
                }}
                activeProps={{ "aria-current": "page" }}
              >
                {section.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

export function FamilyLayout() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  if (family.isPending) return <Loading what="Loading the family" />;
  if (family.error) return <FamilyNotFound error={family.error} />;
  const { data, abilities } = family.data;
  return (
    <>
      <FamilyNavigation familyId={familyId} abilities={abilities} />
      <span className="govuk-caption-l">
        {data.displayName}, {data.reference}
      </span>
      <Outlet />
    </>
  );
}

function FamilyNotFound({ error }: { error: unknown }) {
  usePageTitle("Family not found");
  return (
    <>
      <h1 className="govuk-heading-l">Family not found</h1>
      <LoadFailed error={error} />
      <p className="govuk-body">
        <Link to="/" className="govuk-link">
          Go to your start page
        </Link>
      </p>
    </>
  );
}
