import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../../app/session";
import { usePageTitle } from "../../components/layout/page-title";

export function AdminHomePage() {
  usePageTitle("Administration");
  const me = useQuery(meQuery);
  const abilities = me.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <p className="govuk-body">
        Administrators manage agencies, accounts and settings. They do not see families' records
        unless they are in a family's team.
      </p>
      <ul className="govuk-list govuk-list--spaced">
        {abilities?.agency.manage ? (
          <li>
            <Link to="/admin/agencies" className="govuk-link govuk-!-font-weight-bold">
              Agencies
            </Link>
            <br />
            The schools, health teams, police and other services whose staff use Teamaround.
          </li>
        ) : null}
        {abilities?.user.manage ? (
          <li>
            <Link to="/admin/users" className="govuk-link govuk-!-font-weight-bold">
              Staff accounts
            </Link>
            <br />
            Invite practitioners, managers and administrators; deactivate accounts.
          </li>
        ) : null}
        {abilities?.authority.manage ? (
          <li>
            <Link to="/admin/settings" className="govuk-link govuk-!-font-weight-bold">
              Authority settings
            </Link>
            <br />
            Levels of need, review timescales, the lead professional's title and two-step
            verification.
          </li>
        ) : null}
      </ul>
    </>
  );
}
