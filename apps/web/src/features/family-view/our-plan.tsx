import { useQuery } from "@tanstack/react-query";
import { authorityQuery } from "../../app/session";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { CorrectionRequestsPanel } from "../corrections/correction-requests-panel";
import { DistanceInPlainWords } from "../distance/distance-panel";
import {
  consentsQuery,
  familyQuery,
  meetingsQuery,
  outcomesQuery,
  teamQuery,
} from "../family/family-queries";
import { useLiveFamily } from "../family/use-live-family";
import { myActionsQuery } from "../my-work/my-work-queries";
import { FamilyLiveDocuments } from "../plan/family-documents";
import { DownloadPdf, printoutPaths } from "../printouts/download-pdf";
import { FeedbackInvitations } from "./feedback-invitations";
import { OurConsent } from "./our-consent";
import { FamilyActions, NextMeeting, PlanOutcomes, TheTeam } from "./our-plan-sections";
import { OurTimeWithEarlyHelp } from "./our-time-with-early-help";

/** "Our plan" in plain words: our actions, what we want to happen, who is helping, our consent. */
export function OurPlan({ familyId }: { familyId: string }) {
  // Changes are pushed; `pollMs` is a slow fallback only while they cannot be.
  const { pollMs } = useLiveFamily(familyId);
  const family = useQuery(familyQuery(familyId));
  const abilities = family.data?.abilities;
  const outcomes = useQuery({
    ...outcomesQuery(familyId),
    enabled: abilities?.outcome.read ?? false,
    refetchInterval: pollMs,
  });
  const myActions = useQuery({ ...myActionsQuery, refetchInterval: pollMs });
  const team = useQuery({ ...teamQuery(familyId), enabled: abilities?.team.read ?? false });
  const consents = useQuery({
    ...consentsQuery(familyId),
    enabled: abilities?.consent.read ?? false,
  });
  const meetings = useQuery({
    ...meetingsQuery(familyId),
    enabled: abilities?.meeting.read ?? false,
  });
  const authority = useQuery(authorityQuery);
  if (family.isPending) return <Loading />;
  if (family.error) return <LoadFailed error={family.error} />;
  const mine = (myActions.data ?? []).filter(
    (a) => a.familyId === familyId && a.status !== "dropped",
  );
  return (
    <>
      <span className="govuk-caption-l">{family.data.data.displayName}</span>
      <h1 className="govuk-heading-l">Our plan</h1>
      <p className="govuk-body-l">
        This is the plan you made with the people helping your family. It says what you want to
        change, and who will do what.
      </p>
      {abilities?.printout.plan ? (
        <DownloadPdf href={printoutPaths.plan(familyId)}>Download our plan (PDF)</DownloadPdf>
      ) : null}
      {abilities?.feedback.answer ? <FeedbackInvitations familyId={familyId} /> : null}
      {meetings.data ? <NextMeeting meetings={meetings.data.data} familyId={familyId} /> : null}
      <FamilyActions familyId={familyId} actions={mine} loading={myActions.isPending} />
      <DistanceInPlainWords familyId={familyId} />
      <FamilyLiveDocuments familyId={familyId} />
      {outcomes.data ? <PlanOutcomes outcomes={outcomes.data.data} /> : null}
      {team.data ? (
        <TheTeam
          team={team.data.data}
          leadTitle={authority.data?.leadProfessionalTitle ?? "Lead professional"}
        />
      ) : null}
      {abilities?.episode.read ? <OurTimeWithEarlyHelp familyId={familyId} /> : null}
      {abilities?.correction_request.read ? <CorrectionRequestsPanel familyId={familyId} /> : null}
      {consents.data && abilities ? (
        <OurConsent
          familyId={familyId}
          consents={consents.data.data}
          canWithdraw={abilities.consent.withdraw}
        />
      ) : null}
    </>
  );
}
