import { useQuery } from "@tanstack/react-query";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { episodesQuery } from "../family/episode-queries";
import { type Episode, storyOf } from "./early-help-story";

function TimeWithUs({ episode, many }: { episode: Episode; many: boolean }) {
  const sentences = storyOf(episode);
  return (
    <>
      {many ? (
        <h3 className="govuk-heading-s">
          {episode.status === "closed" ? `Time ${episode.number}` : "Now"}
        </h3>
      ) : null}
      <p className="govuk-body">{sentences.join(" ")}</p>
    </>
  );
}

/** "Your time with Early Help": each time the family had help, oldest first, in plain words. */
export function OurTimeWithEarlyHelp({ familyId }: { familyId: string }) {
  const episodes = useQuery(episodesQuery(familyId));
  const oldestFirst = [...(episodes.data?.data ?? [])].sort((a, b) => a.number - b.number);
  return (
    <section aria-labelledby="time-with-early-help">
      <h2 className="govuk-heading-m" id="time-with-early-help">
        Your time with Early Help
      </h2>
      {episodes.isPending ? <Loading what="Loading your time with Early Help" /> : null}
      {episodes.error ? <LoadFailed error={episodes.error} /> : null}
      {oldestFirst.map((episode) => (
        <PartBoundary key={episode.id} what="this part of your history">
          <TimeWithUs episode={episode} many={oldestFirst.length > 1} />
        </PartBoundary>
      ))}
    </section>
  );
}
