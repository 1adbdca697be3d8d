import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Family } from "../../api/types";
import { authorityQuery, meQuery } from "../../app/session";
import { ButtonGroup, SummaryList, type SummaryRow, Tag } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { closureReasonLabels, familyStatusLabels, levelOfNeedLabel } from "../../lib/labels";
import { CorrectionRequestsPanel } from "../corrections/correction-requests-panel";
import { DistancePanel } from "../distance/distance-panel";
import { nextMeetingText } from "../my-work/my-families";
import { ClosureSignOffPanel } from "../sign-off/closure-sign-off-panel";
import { closureSignOffQuery } from "../sign-off/sign-off-queries";
import { EpisodeHistory } from "./episode-history";
import { FamilyFeedback } from "./family-feedback";
import { familyQuery, meetingsQuery, teamQuery, useFamilyId } from "./family-queries";

export function statusTag(status: Family["status"]) {
  const colour = status === "closed" ? "grey" : status === "plan_active" ? "green" : "blue";
  return <Tag colour={colour}>{familyStatusLabels[status]}</Tag>;
}

export function FamilySummaryPage() {
  const familyId = useFamilyId();
  const family = useQuery(familyQuery(familyId));
  const authority = useQuery(authorityQuery);
  const me = useQuery(meQuery);
  const abilities = family.data?.abilities;
  const team = useQuery({ ...teamQuery(familyId), enabled: abilities?.team.read ?? false });
  const meetings = useQuery({
    ...meetingsQuery(familyId),
    enabled: abilities?.meeting.read ?? false,
  });
  // Staff only: the family never learns that a closure waits for sign-off.
  const closure = useQuery({
    ...closureSignOffQuery(familyId),
    enabled: abilities?.closure.read ?? false,
  });
  usePageTitle(`Summary – ${family.data?.data.displayName ?? "Family"}`);
  if (!family.data || !abilities) return null;
  const closing = closure.data?.data;
  const closureWaits = closing?.current?.status === "waiting";
  const f = family.data.data;
  const levels = authority.data?.levelsOfNeed ?? [];
  const level = levels.find((l) => l.level === f.levelOfNeed);
  const lead = team.data?.data.find((m) => m.role === "lead_professional" && !m.removedAt);
  const leadTitle = authority.data?.leadProfessionalTitle ?? "Lead professional";
  const rows: SummaryRow[] = [
    { key: "Reference", value: f.reference },
    {
      key: "Level of need",
      value: (
        <>
          {levelOfNeedLabel(f.levelOfNeed, levels)}
          {level ? (
            <div className="govuk-hint govuk-!-margin-bottom-0">{level.description}</div>
          ) : null}
        </>
      ),
      action: abilities.family.update ? (
        <Link to="/families/$familyId/level-of-need" params={{ familyId }} className="govuk-link">
          Change<span className="govuk-visually-hidden"> level of need</span>
        </Link>
      ) : undefined,
    },
    {
      key: "Status",
      value: (
        <>
          {statusTag(f.status)}
          {closureWaits ? (
            <>
              {" "}
              <Tag colour="yellow">Closure waiting for sign-off</Tag>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "Started",
      value: `${formatDay(f.createdAt)}${f.origin === "stepped_down" ? " (stepped down from social care)" : ""}`,
    },
  ];
  if (lead)
    rows.push({
      key: leadTitle,
      value: `${lead.displayName}${lead.agency ? `, ${lead.agency.name}` : ""}`,
    });
  if (meetings.data && f.status !== "closed") {
    rows.push({
      key: "Next meeting",
      value: nextMeetingText(meetings.data.data, meetings.data.nextReviewDue ?? undefined),
    });
  }
  if (f.closedAt) {
    rows.push({ key: "Closed", value: formatDay(f.closedAt) });
    if (f.closureReason) rows.push({ key: "Reason", value: closureReasonLabels[f.closureReason] });
    if (f.closureNote) rows.push({ key: "Closing note", value: f.closureNote });
  }
  return (
    <>
      <h1 className="govuk-heading-l">Summary</h1>
      <SummaryList rows={rows} />
      {abilities.score.read ? <DistancePanel familyId={familyId} /> : null}
      {abilities.episode.read ? (
        <EpisodeHistory
          familyId={familyId}
          showCorrections={abilities.correction.read}
          showReviews={abilities.review.read}
        />
      ) : null}
      {abilities.correction_request.read ? <CorrectionRequestsPanel familyId={familyId} /> : null}
      {abilities.feedback.read ? <FamilyFeedback familyId={familyId} /> : null}
      {abilities.closure.read ? <ClosureSignOffPanel familyId={familyId} /> : null}
      {abilities.audit.read_readers ? (
        <p className="govuk-body">
          <Link to="/families/$familyId/audit/readers" params={{ familyId }} className="govuk-link">
            Who has looked at these records
          </Link>
        </p>
      ) : null}
      {f.status === "assessment_started" && abilities.assessment.read ? (
        <p className="govuk-body">
          The plan is in place once the{" "}
          <Link to="/families/$familyId/assessment" params={{ familyId }} className="govuk-link">
            Early Help Assessment
          </Link>{" "}
          is completed.
        </p>
      ) : null}
      <ButtonGroup>
        {abilities.family.close && (closing?.can.close || closing?.can.propose) ? (
          <Link
            to="/families/$familyId/close"
            params={{ familyId }}
            className="govuk-button govuk-button--secondary"
          >
            {closing.can.close
              ? "Close the case"
              : closing.current?.status === "returned"
                ? "Amend the closure and propose it again"
                : "Propose closing the case"}
          </Link>
        ) : null}
        {abilities.family.step_up ? (
          <Link
            to="/families/$familyId/step-up"
            params={{ familyId }}
            className="govuk-button govuk-button--warning"
          >
            Step up to children's social care
          </Link>
        ) : null}
        {me.data?.abilities.help_request.create && f.status === "closed" ? (
          <Link
            to="/requests/new"
            search={{ familyId }}
            className="govuk-button govuk-button--secondary"
          >
            Request help for this family
          </Link>
        ) : null}
        {abilities.family.step_down ? (
          <Link
            to="/families/$familyId/step-down"
            params={{ familyId }}
            className="govuk-button govuk-button--secondary"
          >
            Reopen after step down
          </Link>
        ) : null}
      </ButtonGroup>
    </>
  );
}
