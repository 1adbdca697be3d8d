import { useQuery } from "@tanstack/react-query";
import { Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { DownloadPdf, printoutPaths } from "../printouts/download-pdf";
import { AssessmentCorrections } from "./assessment-corrections";
import { assessmentStatusTags, missingLabel, sectionLabels } from "./assessment-labels";
import { type Assessment, assessmentQuery } from "./assessment-queries";
import { ScoreForm, ScoreTable } from "./score-panel";
import { SectionEditor } from "./section-editor";
import { SignOffActions, SignOffTrail } from "./sign-off-panel";

/** One assessment: its sections, the voices the reader may see, scores and sign-off. */
export function AssessmentView({
  familyId,
  assessmentId,
}: {
  familyId: string;
  assessmentId: string;
}) {
  const query = useQuery(assessmentQuery(familyId, assessmentId));
  if (query.isPending) return <Loading what="Loading the assessment" />;
  if (query.error) return <LoadFailed error={query.error} />;
  const assessment = query.data.data;
  const [label, colour] = assessmentStatusTags[assessment.status];
  return (
    <>
      <p className="govuk-body">
        <Tag colour={colour}>{label}</Tag>{" "}
        {assessment.kind === "reassessment" ? "Re-assessment" : "Assessment"} started{" "}
        {formatDay(assessment.startedAt)}.
      </p>
      {query.data.abilities.printout.assessment ? (
        <DownloadPdf
          href={printoutPaths.assessment(familyId, assessment.id)}
          hint="As the family may see it: no sign-off comments, no score notes, no one's own words."
        >
          Download PDF<span className="govuk-visually-hidden"> of this assessment</span>
        </DownloadPdf>
      ) : null}
      <PartBoundary what="the sign-off">
        <h2 className="govuk-heading-m">Sign-off</h2>
        <SignOffTrail assessment={assessment} />
        <StillToDo assessment={assessment} />
        <SignOffActions familyId={familyId} assessment={assessment} />
      </PartBoundary>
      <PartBoundary what="the assessment's sections">
        <h2 className="govuk-heading-m">The assessment</h2>
        {assessment.sections.map((entry) => (
          <SectionEditor
            key={`${entry.section}-${entry.version}`}
            familyId={familyId}
            assessmentId={assessment.id}
            entry={entry}
            title={sectionLabels[entry.section].title}
            hint={sectionLabels[entry.section].hint}
            canWrite={assessment.can.write}
          />
        ))}
      </PartBoundary>
      <PartBoundary what="the voices of the family">
        <Voices familyId={familyId} assessment={assessment} />
      </PartBoundary>
      <PartBoundary what="the scores">
        <h2 className="govuk-heading-m">Need areas and scores</h2>
        <ScoreTable assessment={assessment} />
        {assessment.can.score ? <ScoreForm familyId={familyId} assessment={assessment} /> : null}
      </PartBoundary>
      <PartBoundary what="who contributed">
        <h2 className="govuk-heading-m">Who contributed</h2>
        {assessment.contributors.length === 0 ? (
          <p className="govuk-body">Nobody has written in it yet.</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {assessment.contributors.map((c) => (
              <li key={c.userId}>
                {c.name}, from {formatDay(c.firstContributedAt)}
              </li>
            ))}
          </ul>
        )}
      </PartBoundary>
      <PartBoundary what="the corrections">
        <AssessmentCorrections
          familyId={familyId}
          assessment={assessment}
          abilities={query.data.abilities}
        />
      </PartBoundary>
    </>
  );
}

function StillToDo({ assessment }: { assessment: Assessment }) {
  const moving = assessment.can.submit || assessment.can.complete;
  if (!moving || assessment.missing.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        Before it can be {assessment.can.submit ? "submitted" : "completed"}:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {assessment.missing.map((m) => (
          <li key={m}>{missingLabel(m)}</li>
        ))}
      </ul>
    </div>
  );
}

function Voices({ familyId, assessment }: { familyId: string; assessment: Assessment }) {
  if (assessment.voices.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">In their own words</h2>
      <p className="govuk-body">
        Each person's words are seen by the team and by that person only.
      </p>
      {assessment.voices.map((voice) => (
        <SectionEditor
          key={`${voice.memberId}-${voice.version}`}
          familyId={familyId}
          assessmentId={assessment.id}
          entry={voice}
          title={`${voice.memberName}: ${voice.section === "child_voice" ? "the child's own words" : "their own words as a parent or carer"}`}
          canWrite={assessment.can.write}
        />
      ))}
    </>
  );
}
