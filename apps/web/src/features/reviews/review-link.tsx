import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FamilyAbilities } from "../../api/types";
import { formatDay } from "../../lib/dates";
import { DistancePanel } from "../distance/distance-panel";
import { decisionLabels, verdictLabels } from "./review-labels";
import { reviewsQuery } from "./review-queries";

interface ReviewMeeting {
  id: string;
  kind: "initial" | "review" | "closing";
  state: "scheduled" | "live" | "ended" | "cancelled";
}

const reviewable = (m: ReviewMeeting) =>
  m.kind === "review" && (m.state === "live" || m.state === "ended");

/**
 * For a review meeting under way or held: the review's verdict once recorded,
 * else a way to record it (for those allowed).
 */
export function ReviewLink({
  familyId,
  meeting,
  abilities,
}: {
  familyId: string;
  meeting: ReviewMeeting;
  abilities: FamilyAbilities;
}) {
  const reviews = useQuery({
    ...reviewsQuery(familyId),
    enabled: reviewable(meeting) && abilities.review.read,
  });
  if (!reviewable(meeting) || !reviews.data) return null;
  const review = reviews.data.data.find((r) => r.meetingId === meeting.id);
  if (review) {
    return (
      <span className="govuk-body-s">
        {verdictLabels[review.verdict]}; {decisionLabels[review.decision].toLowerCase()}
        {review.nextReviewOn ? `, next review ${formatDay(review.nextReviewOn)}` : ""}
      </span>
    );
  }
  if (!abilities.review.record) return null;
  return (
    <Link
      to="/families/$familyId/meetings/$meetingId/review"
      params={{ familyId, meetingId: meeting.id }}
      className="govuk-link"
    >
      Record the review
    </Link>
  );
}

/** In the meeting room of a review meeting: the distance travelled, and recording the review. */
export function ReviewInRoom({
  familyId,
  meeting,
  abilities,
}: {
  familyId: string;
  meeting: ReviewMeeting;
  abilities: FamilyAbilities;
}) {
  if (!reviewable(meeting) || !abilities.score.read) return null;
  return (
    <div className="govuk-!-margin-top-6">
      <p className="govuk-body">
        <ReviewLink familyId={familyId} meeting={meeting} abilities={abilities} />
      </p>
      <DistancePanel familyId={familyId} />
    </div>
  );
}
