import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FeedbackInvitation } from "../../api/types";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { openFeedbackQuery } from "./feedback-queries";

const occasionWords: Record<FeedbackInvitation["occasion"], string> = {
  review: "after your review meeting",
  closure: "now that the help has finished",
};

/** A clear invitation to say how it was, one per unanswered occasion (family members only). */
export function FeedbackInvitations({ familyId }: { familyId: string }) {
  const open = useQuery(openFeedbackQuery(familyId));
  const invitations = open.data ?? [];
  if (invitations.length === 0) return null;
  return (
    <>
      {invitations.map((invitation) => (
        <PartBoundary key={invitation.id} what="this invitation">
          <section
            className="app-card govuk-!-margin-bottom-6"
            aria-labelledby={`feedback-${invitation.id}`}
          >
            <h2 className="govuk-heading-m" id={`feedback-${invitation.id}`}>
              How was it for you?
            </h2>
            <p className="govuk-body">
              We would like to know how the help felt {occasionWords[invitation.occasion]} (asked on{" "}
              {formatDay(invitation.offeredAt)}). It takes about two minutes. You can choose whether
              your lead professional sees your answers with your name.
            </p>
            <Link
              to="/our-family/$familyId/feedback/$invitationId"
              params={{ familyId, invitationId: invitation.id }}
              className="govuk-button govuk-!-margin-bottom-0"
            >
              Tell us how it was
              <span className="govuk-visually-hidden"> {occasionWords[invitation.occasion]}</span>
            </Link>
          </section>
        </PartBoundary>
      ))}
    </>
  );
}
