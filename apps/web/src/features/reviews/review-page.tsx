import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { components } from "../../api/schema";
import { SummaryCard, SummaryList, type SummaryRow } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";
import { AskForCorrection } from "../corrections/ask-for-correction";
import { RecordCorrections } from "../corrections/record-corrections";
import { episodesQuery } from "../family/episode-queries";
import { membersQuery, useFamilyId } from "../family/family-queries";
import { decisionLabels, verdictLabels } from "./review-labels";
import { reviewQuery } from "./review-queries";

type Review = components["schemas"]["Review"];
type Score = Review["scores"][number];

const reviewRoute = getRouteApi("/_authed/families/$familyId/reviews/$reviewId");

/**
 * A recorded review as it was saved: its verdict, decision, next date, summary
 * and scores; beneath it, once its episode has closed, its corrections for
 * those who may read them (the review itself never changes).
 */
export function ReviewPage() {
  const familyId = useFamilyId();
  const { reviewId } = reviewRoute.useParams();
  const review = useQuery(reviewQuery(familyId, reviewId));
  const episodes = useQuery(episodesQuery(familyId));
  const members = useQuery(membersQuery(familyId));
  usePageTitle("Review");
  if (review.isPending) return <Loading what="Loading the review" />;
  if (review.error) return <LoadFailed error={review.error} />;
  const { data, abilities } = review.data;
  const episode = episodes.data?.data.find((e) => e.id === data.episodeId);
  const childName = (memberId: string | null) => {
    const member = members.data?.data.find((m) => m.id === memberId);
    return member ? `${member.givenName} ${member.familyName}` : null;
  };
  return (
    <>
      <Link to="/families/$familyId" params={{ familyId }} className="govuk-back-link">
        Back to the summary
      </Link>
      <h1 className="govuk-heading-l">Review of {formatDay(data.reviewedOn)}</h1>
      <PartBoundary what="this review">
        <SummaryList rows={reviewRows(data, episode?.number)} />
        <h2 className="govuk-heading-m">Scores</h2>
        {data.scores.length === 0 ? (
          <p className="govuk-body">No scores were recorded at this review.</p>
        ) : null}
        {data.scores.map((score) => (
          <PartBoundary key={score.id} what="this score">
            <ScoreCard
              score={score}
              childName={childName(score.memberId)}
              showNote={abilities.episode.read_notes}
            />
          </PartBoundary>
        ))}
      </PartBoundary>
      {episode?.status === "closed" ? (
        <AskForCorrection familyId={familyId} recordKind="review" recordId={data.id} />
      ) : null}
      {abilities.correction.read && episode?.status === "closed" ? (
        <PartBoundary what="the corrections">
          <RecordCorrections
            familyId={familyId}
            recordKind="review"
            recordId={data.id}
            headingLevel={2}
          />
        </PartBoundary>
      ) : null}
    </>
  );
}

function reviewRows(review: Review, episodeNumber: number | undefined): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: "How things have gone", value: verdictLabels[review.verdict] },
    { key: "Decision", value: decisionLabels[review.decision] },
    {
      key: "Next review",
      value: review.nextReviewOn
        ? formatDay(review.nextReviewOn)
        : "None: the work did not continue",
    },
  ];
  if (review.summary) rows.push({ key: "Summary", value: review.summary });
  if (episodeNumber !== undefined) rows.push({ key: "Episode", value: `Episode ${episodeNumber}` });
  rows.push({
    key: "Recorded",
    value: `${formatDay(review.recordedAt)} by ${review.recordedBy.name}`,
  });
  return rows;
}

function ScoreCard({
  score,
  childName,
  showNote,
}: {
  score: Score;
  childName: string | null;
  showNote: boolean;
}) {
  const rows: SummaryRow[] = [
    {
      key: "Score",
      value: `${score.score} out of 10 (${score.scoredBy === "family" ? "the family's view" : "the practitioners' view"})`,
    },
  ];
  if (score.strengths) rows.push({ key: "What is going well", value: score.strengths });
  if (score.needs) rows.push({ key: "What needs to change", value: score.needs });
  if (showNote && score.note) rows.push({ key: "Practitioners' note", value: score.note });
  const area = outcomeAreaLabels[score.area];
  return (
    <SummaryCard title={childName ? `${area}: ${childName}` : area}>
      <SummaryList rows={rows} />
    </SummaryCard>
  );
}
