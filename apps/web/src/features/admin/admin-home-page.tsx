import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../../app/session";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";

export function AdminHomePage() {
  const me = useQuery(meQuery);
  const abilities = me.data?.abilities;
  const mayAdminister = Boolean(
    abilities && (abilities.agency.manage || abilities.user.manage || abilities.authority.manage),
  );
  usePageTitle(me.data && !mayAdminister ? "You do not have access" : "Administration");
  if (me.isPending) return <Loading />;
  if (me.error) return <LoadFailed error={me.error} />;
  if (!mayAdminister) return <NoAccess />;
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
        {abilities?.authority.manage ? (
          <li>
            <Link to="/admin/single-sign-on" className="govuk-link govuk-!-font-weight-bold">
              Single sign-on
            </Link>
            <br />
            Let staff sign in with the council's own account, and whether they must.
          </li>
        ) : null}
        {abilities?.retention_review.list ? (
          <li>
            <Link to="/admin/retention" className="govuk-link govuk-!-font-weight-bold">
              Records due for review
            </Link>
            <br />
            Closed families past the retention rule: keep for longer, hold, or erase.
          </li>
        ) : null}
        {abilities?.subject_access?.export ? (
          <li>
            <Link to="/admin/subject-access" className="govuk-link govuk-!-font-weight-bold">
              Subject access requests
            </Link>
            <br />
            Download everything held about one family member, with other people's details marked for
            review.
          </li>
        ) : null}
        {abilities?.notice_outbox.read ? (
          <li>
            <Link to="/admin/outbox" className="govuk-link govuk-!-font-weight-bold">
              Sent notices
            </Link>
            <br />
            Invitations and other emails kept in the local outbox when no mail server is set up.
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** What anyone but an administrator sees at /admin, instead of an empty page. */
function NoAccess() {
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access to administration</h1>
      <p className="govuk-body">
        Only administrators manage agencies, staff accounts and the authority's settings. If you
        need something changed, ask an administrator.
      </p>
      <p className="govuk-body">
        <Link to="/" className="govuk-link">
          Go to My work
        </Link>
      </p>
    </>
  );
}
