import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatDay } from "../../lib/dates";
import { verdictLabels } from "./review-labels";
import { reviewsQuery } from "./review-queries";

/** Under an episode: its recorded reviews, oldest first, each a link to its page. */
export function EpisodeReviews({ familyId, episodeId }: { familyId: string; episodeId: string }) {
  const reviews = useQuery(reviewsQuery(familyId));
  const mine = (reviews.data?.data ?? []).filter((r) => r.episodeId === episodeId).reverse();
  if (mine.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Reviews</h3>
      <ul className="govuk-list">
        {mine.map((review) => (
          <li key={review.id}>
            <Link
              to="/families/$familyId/reviews/$reviewId"
              params={{ familyId, reviewId: review.id }}
              className="govuk-link"
            >
              Review of {formatDay(review.reviewedOn)}
            </Link>
            : {verdictLabels[review.verdict].toLowerCase()}
          </li>
        ))}
      </ul>
    </>
  );
}
