import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../../app/session";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { AuditFeedbackToRead } from "../case-audits/audit-feedback-to-read";
import { FollowUpsDue } from "./follow-ups-due";
import { MyActions } from "./my-actions";
import { MyFamilies } from "./my-families";
import { myFamiliesQuery } from "./my-work-queries";
import { UpcomingMeetings } from "./upcoming-meetings";

export function MyWorkPage() {
  usePageTitle("My work");
  const me = useQuery(meQuery);
  const families = useQuery(myFamiliesQuery);
  const canCreate = me.data?.abilities.family.create ?? false;
  const openFamilies = families.data?.filter((f) => f.status !== "closed") ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">My work</h1>
      {canCreate ? (
        <p className="govuk-body">
          <Link
            to="/families/new"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          >
            Start a new case
          </Link>
        </p>
      ) : null}
      {me.data?.abilities.help_request.create ? (
        <p className="govuk-body">
          <Link to="/requests/new" className="govuk-link">
            Request help for a family
          </Link>{" "}
          or{" "}
          <Link to="/requests" className="govuk-link">
            see requests for help
          </Link>
        </p>
      ) : null}
      {me.data?.abilities.my_follow_ups.list ? <FollowUpsDue /> : null}
      {me.data?.abilities.my_case_audits.list ? <AuditFeedbackToRead /> : null}
      <MyActions />
      <h2 className="govuk-heading-m">My families</h2>
      {families.isPending ? <Loading what="Loading your families" /> : null}
      {families.error ? <LoadFailed error={families.error} /> : null}
      {families.data ? <MyFamilies families={families.data} /> : null}
      {families.data ? <UpcomingMeetings families={openFamilies} /> : null}
    </>
  );
}
