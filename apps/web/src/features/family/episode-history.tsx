import { useQuery } from "@tanstack/react-query";
import type { components } from "../../api/schema";
import { SummaryCard, SummaryList, type SummaryRow, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { closureReasonLabels } from "../../lib/labels";
import { RecordCorrections } from "../corrections/record-corrections";
import { EpisodeReviews } from "../reviews/episode-reviews";
import { episodesQuery } from "./episode-queries";

type Episode = components["schemas"]["Episode"];
type EpisodeEvent = Episode["events"][number];

const statusLabels: Record<Episode["status"], string> = {
  assessment: "Assessment",
  plan_in_place: "Plan in place",
  closed: "Closed",
};

const originLabels: Record<Episode["origin"], string> = {
  request_for_help: "A request for help",
  stepped_down: "Stepped down from children's social care",
};

const eventLabels: Record<EpisodeEvent["kind"], string> = {
  opened: "Opened",
  assessment_completed: "Assessment completed",
  level_of_need_changed: "Level of need changed",
  stepped_up: "Stepped up to children's social care",
  stepped_down: "Stepped down to Early Help",
  closed: "Closed",
};

const resultLabels: Record<Episode["outcomeResults"][number]["result"], string> = {
  met: "Met",
  partly_met: "Partly met",
  not_met: "Not met",
};

/**
 * "Early Help episodes": each period of work with the family, newest first, with its history
 * and links to its reviews; beneath a closed one's closure, its corrections when the reader
 * may see them.
 */
export function EpisodeHistory({
  familyId,
  showCorrections = false,
  showReviews = false,
}: {
  familyId: string;
  showCorrections?: boolean;
  /** Each episode's recorded reviews, linked to their pages. */
  showReviews?: boolean;
}) {
  const episodes = useQuery(episodesQuery(familyId));
  return (
    <section aria-labelledby="episodes-heading">
      <h2 className="govuk-heading-m" id="episodes-heading">
        Early Help episodes
      </h2>
      {episodes.isPending ? <Loading what="Loading the episodes" /> : null}
      {episodes.error ? <LoadFailed error={episodes.error} /> : null}
      {episodes.data?.data.map((episode) => (
        <PartBoundary key={episode.id} what={`episode ${episode.number}`}>
          <EpisodeCard episode={episode} />
          {showReviews ? <EpisodeReviews familyId={familyId} episodeId={episode.id} /> : null}
          {showCorrections && episode.status === "closed" ? (
            <RecordCorrections familyId={familyId} recordKind="closure" recordId={episode.id} />
          ) : null}
        </PartBoundary>
      ))}
    </section>
  );
}

function EpisodeCard({ episode }: { episode: Episode }) {
  const rows: SummaryRow[] = [
    {
      key: "Status",
      value: (
        <>
          <Tag colour={episode.status === "closed" ? "grey" : "blue"}>
            {statusLabels[episode.status]}
          </Tag>
          {episode.reReferralOfEpisodeId ? (
            <>
              {" "}
              <Tag colour="orange">Re-referral</Tag>
            </>
          ) : null}
        </>
      ),
    },
    { key: "Opened", value: `${formatDay(episode.openedAt)}: ${originLabels[episode.origin]}` },
  ];
  if (episode.request) {
    rows.push({
      key: "Asked by",
      value: `${episode.request.requesterName} on ${formatDay(episode.request.requestedOn)}`,
    });
  }
  if (episode.closedAt) {
    rows.push({
      key: "Closed",
      value: `${formatDay(episode.closedAt)}${episode.closedBy ? ` by ${episode.closedBy.displayName}` : ""}${
        episode.closureReason ? `: ${closureReasonLabels[episode.closureReason]}` : ""
      }`,
    });
  }
  if (episode.closureSummary) rows.push({ key: "Closing summary", value: episode.closureSummary });
  if (episode.outcomeResults.length > 0) {
    rows.push({
      key: "Outcomes",
      value: (
        <ul className="govuk-list">
          {episode.outcomeResults.map((r) => (
            <li key={r.outcomeId}>
              {r.title}: {resultLabels[r.result]}
            </li>
          ))}
        </ul>
      ),
    });
  }
  return (
    <SummaryCard title={`Episode ${episode.number}`}>
      <SummaryList rows={rows} />
      <h3 className="govuk-heading-s">What happened</h3>
      <ul className="govuk-list">
        {episode.events.map((event) => (
          <li key={event.id}>
            {formatDay(event.at)}: {eventLabels[event.kind]}
            {event.levelOfNeed !== null && event.kind !== "closed"
              ? ` (level ${event.levelOfNeed})`
              : ""}
            {event.by ? `, by ${event.by.displayName}` : ""}
            {event.note ? (
              <div className="govuk-hint govuk-!-margin-bottom-0">{event.note}</div>
            ) : null}
          </li>
        ))}
      </ul>
    </SummaryCard>
  );
}
